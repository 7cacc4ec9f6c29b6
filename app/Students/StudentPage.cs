using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <param name="HasNext">Read from the database (one row past the page), so it holds even while <paramref name="Total"/> lags.</param>
/// <param name="TotalIsCapped">A search matched more than <paramref name="Total"/> students, which is as far as it counts.</param>
public sealed record StudentPage(IReadOnlyList<Student> Items, int Page, int Total, bool HasNext, bool TotalIsCapped = false)
{
    /// <summary>How many pages there are, or null when the total is only known to be more than <see cref="Total"/>.</summary>
    public int? PageCount => TotalIsCapped ? null : Math.Max(Math.Max(1, (int)Math.Ceiling(Total / (double)StudentQuery.PageSize)), HasNext ? Page + 1 : Page);

    public bool IsPaged => Page > 1 || HasNext || PageCount is null or > 1;
}
