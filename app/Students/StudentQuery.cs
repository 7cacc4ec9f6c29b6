using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <summary>Search, sort and one page of the list, as the list page's query string asks.</summary>
public sealed record StudentQuery(string? Search, StudentSort Sort, bool Descending, int Page)
{
    public const int PageSize = 20;

    public async Task<StudentPage> RunAsync(IQueryable<Student> students, CancellationToken cancellation)
    {
        var filtered = Filter(students);
        var total = await filtered.CountAsync(cancellation);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(Page, 1, pages); // out-of-range pages show the nearest real one
        var items = await Ordered(filtered).Skip((page - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(cancellation);
        return new StudentPage(items, page, pages, total);
    }

    private IQueryable<Student> Filter(IQueryable<Student> students)
    {
        if (string.IsNullOrWhiteSpace(Search)) return students;
        // LIKE with the user's text as a parameter; its own wildcards are escaped so they match literally.
        var pattern = "%" + Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return students.Where(s => EF.Functions.Like(s.FullName, pattern, "\\")
            || EF.Functions.Like(s.Email, pattern, "\\")
            || EF.Functions.Like(s.Course, pattern, "\\"));
    }

    private IQueryable<Student> Ordered(IQueryable<Student> students)
    {
        var sorted = (Sort, Descending) switch
        {
            (StudentSort.Email, false) => students.OrderBy(s => s.Email),
            (StudentSort.Email, true) => students.OrderByDescending(s => s.Email),
            (StudentSort.Age, false) => students.OrderBy(s => s.Age),
            (StudentSort.Age, true) => students.OrderByDescending(s => s.Age),
            (StudentSort.Course, false) => students.OrderBy(s => s.Course),
            (StudentSort.Course, true) => students.OrderByDescending(s => s.Course),
            (StudentSort.Enrolled, false) => students.OrderBy(s => s.EnrolmentDate),
            (StudentSort.Enrolled, true) => students.OrderByDescending(s => s.EnrolmentDate),
            (_, true) => students.OrderByDescending(s => s.FullName),
            _ => students.OrderBy(s => s.FullName),
        };
        // A stable order, so pages never repeat or skip a record; the tie-breaker runs in the same direction
        // as the column, so MySQL reads the column's index (which ends in the primary key) instead of sorting.
        return Descending ? sorted.ThenByDescending(s => s.Id) : sorted.ThenBy(s => s.Id);
    }
}
