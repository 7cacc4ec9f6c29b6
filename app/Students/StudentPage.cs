using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <param name="HasNext">Read from the database (one row past the page), so it holds even while <paramref name="Total"/> lags.</param>
public sealed record StudentPage(IReadOnlyList<Student> Items, int Page, int Total, bool HasNext)
{
    public int PageCount => Math.Max(Math.Max(1, (int)Math.Ceiling(Total / (double)StudentQuery.PageSize)), HasNext ? Page + 1 : Page);
}
