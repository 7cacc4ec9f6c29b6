using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;
using StudentRecords.App.Students.Search;

namespace StudentRecords.App.Students;

/// <summary>
/// Search (see <see cref="SearchQuery"/>), sort and one page of the list, as the list page's query string asks:
/// the page beside a <see cref="StudentCursor"/> (what Next and Previous link to), or else page number <paramref name="Page"/>.
/// </summary>
/// <param name="Page">The page's number, shown; it says where the page is only when there is no <paramref name="Cursor"/>.</param>
public sealed record StudentQuery(string? Search, StudentSort Sort, bool Descending, int Page, StudentCursor? Cursor = null)
{
    public const int PageSize = 20;

    /// <summary>
    /// Page 1 of the unsearched list, compiled per order: the page most visits open (+30 % list throughput,
    /// measured). Per context type too: a compiled query belongs to one provider's model.
    /// </summary>
    private static readonly ConcurrentDictionary<(Type, StudentSort, bool), Func<RecordsDbContext, IAsyncEnumerable<Student>>> FirstPages = new();

    /// <summary>The unsearched list's pages past a cursor, compiled per order and direction read, likewise.</summary>
    private static readonly ConcurrentDictionary<(Type, StudentSort, bool), Func<RecordsDbContext, string, int, DateOnly, int, IAsyncEnumerable<Student>>> PagesBeyond = new();

    /// <summary>
    /// A search counts its matches exactly up to here and says "more than" beyond: a common word matches
    /// a tenth of a million students, and counting them all on every request would cost more than the page.
    /// </summary>
    public const int CountCap = 1000;

    /// <param name="total">Counts all students, for the unsearched list.</param>
    public async Task<StudentPage> RunAsync(RecordsDbContext db, StudentTotal total, CancellationToken cancellation)
    {
        var search = SearchQuery.Parse(Search);
        // One connection for all of the page's queries (a common word's search makes three or more): EF Core would otherwise take
        // one from the pool for each, and MySqlConnector resets a pooled connection each time, with a round
        // trip and a SET NAMES. Closed with the context. For "smith" at 1,000,000 students: 3.2 to 1.6 ms of the
        // app's CPU a request and 2.0 to 1.3 ms of the database's (measured after warming up, resets kept on).
        await db.Database.OpenConnectionAsync(cancellation);
        return search.IsEmpty ? await ListAsync(db, total, cancellation) : await SearchAsync(db, search, cancellation);
    }

    private async Task<StudentPage> ListAsync(RecordsDbContext db, StudentTotal total, CancellationToken cancellation)
    {
        var count = await total.CountAsync(db.Students, cancellation);
        if (await ReadBesideCursorAsync(db, null, cancellation) is { } beside) return new(beside.Rows, beside.Page, count, beside.HasNext);
        var page = Math.Max(1, Page);
        var rows = page == 1 ? await ReadFirstPageAsync(db, cancellation) : await ReadPageAsync(db, db.Students, page, cancellation);
        if (rows.Count == 0 && page > 1)
        {
            // Past the end: show the last real page, found from an exact count.
            count = await db.Students.CountAsync(cancellation);
            page = LastPage(count);
            rows = await ReadPageAsync(db, db.Students, page, cancellation);
        }
        var hasNext = rows.Count > PageSize;
        return new StudentPage(hasNext ? rows[..PageSize] : rows, page, count, hasNext);
    }

    /// <summary>How far page 1 of a search with many matches looks down the list's order before it gathers the matches instead.</summary>
    public const int TopRowsChecked = 1000;

    private async Task<StudentPage> SearchAsync(RecordsDbContext db, SearchQuery search, CancellationToken cancellation)
    {
        if (await OwnerOfAsync(db, search, cancellation) is { } owner) return new([owner], 1, 1, HasNext: false);
        if (Cursor is null && Page <= 1) return await FirstMatchesAsync(db, search, cancellation);
        var ids = search.StudentIds(db.StudentSearchTerms);
        var count = await ids.Take(CountCap + 1).CountAsync(cancellation);
        if (await ReadBesideCursorAsync(db, search, cancellation) is { } beside)
            return new(beside.Rows, beside.Page, Math.Min(count, CountCap), beside.HasNext, TotalIsCapped: count > CountCap);
        var page = Math.Max(1, Page);
        var rows = await ReadPageAsync(db, Matches(db, ids), page, cancellation);
        if (rows.Count == 0 && page > 1)
        {
            // Past the end (a hand-made or an old link): the last real page needs the exact count, just this once.
            count = await ids.CountAsync(cancellation);
            page = LastPage(count);
            rows = await ReadPageAsync(db, Matches(db, ids), page, cancellation);
        }
        return Counted(rows, page, count);
    }

    /// <summary>
    /// Page 1 of a search, the page nearly every search opens. In name order, the list's default, it is read from
    /// each term's index (<see cref="NameOrderedSearch"/>), and fewer than a page is then all the matches,
    /// counted. Otherwise most searches name someone and match a page or less: any page's worth of matches is
    /// then all of them, and one query reads, sorts and counts them (instead of a count, then the page).
    /// </summary>
    private async Task<StudentPage> FirstMatchesAsync(RecordsDbContext db, SearchQuery search, CancellationToken cancellation)
    {
        var ids = search.StudentIds(db.StudentSearchTerms);
        // Name order first, not after the page-or-fewer check: for a common word that check was a query thrown
        // away. At 10,000 students "smith" went from 590 to 800-840 req/s, and a rare name, now two queries
        // instead of one, from 1,630 to 1,080-1,140.
        var named = Sort == StudentSort.Name ? await NameOrderedSearch.ReadAsync(db, search, Descending, null, PageSize + 1, CountCap + 1, cancellation) : null;
        var rows = named?.Rows;
        if (rows is null)
        {
            var few = await Ordered(Matches(db, ids.Take(PageSize + 1))).AsNoTracking().ToListAsync(cancellation);
            if (few.Count <= PageSize) return new(few, 1, few.Count, HasNext: false);
        }
        else if (rows.Count <= PageSize) return new(rows, 1, rows.Count, HasNext: false);
        var count = named?.CountUpToCap ?? await ids.Take(CountCap + 1).CountAsync(cancellation);
        if (rows is null && count > CountCap) rows = await ReadFromTheTopAsync(db, search, cancellation);
        rows ??= await ReadPageAsync(db, Matches(db, ids), 1, cancellation);
        return Counted(rows, 1, count);
    }

    /// <summary>A page from a page's worth of rows and one more (which says whether there is a next page), with a count capped at <see cref="CountCap"/>.</summary>
    private static StudentPage Counted(List<Student> rows, int page, int count)
    {
        var hasNext = rows.Count > PageSize;
        return new StudentPage(hasNext ? rows[..PageSize] : rows, page, Math.Min(count, CountCap), hasNext, TotalIsCapped: count > CountCap);
    }

    /// <summary>
    /// The students with these ids. Gathered from the terms, then joined and sorted: proportional to the
    /// matches. An IN (…) let MariaDB walk the sort column's index instead, which for "smith" ordered by
    /// e-mail read 700,000 rows before the first match (see docs/performance.md).
    /// </summary>
    private static IQueryable<Student> Matches(RecordsDbContext db, IQueryable<int> ids) =>
        db.Students.Join(ids, student => student.Id, id => id, (student, _) => student);

    /// <summary>
    /// Page 1 of a common word spread through the list's order ("hist": a tenth of the students) lies within
    /// its first rows: checking the first <see cref="TopRowsChecked"/> one by one costs less than gathering
    /// 100,000 matches to sort. Null when they hold less than the page and the one row past it (a word
    /// bunched elsewhere in the order, as a surname is when sorted by name).
    /// </summary>
    private async Task<List<Student>?> ReadFromTheTopAsync(RecordsDbContext db, SearchQuery search, CancellationToken cancellation)
    {
        // The row just past the first rows bounds the walk, so the walk is a range of the sort column's index,
        // read in order and stopped at the page's last match. A LIMIT inside a derived table instead had
        // MariaDB read, keep and probe all of the first rows before sorting them again.
        // Joined, not compared with a scalar subquery, which MariaDB evaluated for every row (0.65 s).
        var pastTheTop = Ordered(db.Students).Skip(TopRowsChecked).Take(1).Select(s => s.Id);
        var boundary = await db.Students.AsNoTracking().Join(pastTheTop, s => s.Id, id => id, (s, _) => s).FirstOrDefaultAsync(cancellation);
        var top = boundary is null ? db.Students : StudentCursor.Before(boundary, Sort).Seek(db.Students, Sort, upward: Descending)!;
        var rows = await Ordered(search.EachChecked(top, db.StudentSearchTerms)).Take(PageSize + 1).AsNoTracking().ToListAsync(cancellation);
        return rows.Count > PageSize ? rows : null;
    }

    /// <summary>
    /// The page after or before <see cref="Cursor"/> among the matches of <paramref name="search"/> (null: every
    /// student): a seek in the sort column's index (or in name order the terms'), then a page of rows. Null
    /// when there is no cursor, it cannot be read, or nothing lies after it any more (the rows were deleted):
    /// the page number says where to go then.
    /// Before the first page's worth it is page 1.
    /// </summary>
    private async Task<(List<Student> Rows, int Page, bool HasNext)?> ReadBesideCursorAsync(RecordsDbContext db, SearchQuery? search, CancellationToken cancellation)
    {
        if (Cursor is not { } cursor || !cursor.TryRead(Sort, out var value)) return null;
        // Next goes on in the list's direction; Previous reads back against it, nearest row first.
        var towards = cursor.IsBefore ? this with { Descending = !Descending } : this;
        var upward = !towards.Descending;
        List<Student> rows;
        if (search is null)
        {
            var query = PagesBeyond.GetOrAdd((db.GetType(), Sort, upward), _ => CompiledPage.Beyond(StudentCursor.Beyond[(Sort, upward)], students => towards.Ordered(students).Take(PageSize + 1)));
            rows = new List<Student>(PageSize + 1);
            await foreach (var student in query(db, value.Text, value.Number, value.Date, cursor.Id).WithCancellation(cancellation)) rows.Add(student);
        }
        else rows = await towards.ReadMatchesAsync(db, search, cursor, cancellation);

        if (!cursor.IsBefore)
            return rows.Count == 0 ? null : (rows.Count > PageSize ? rows[..PageSize] : rows, Math.Max(2, Page), rows.Count > PageSize);
        if (rows.Count <= PageSize)
        {
            var first = search is null ? await ReadFirstPageAsync(db, cancellation) : await ReadMatchesAsync(db, search, null, cancellation);
            return (first.Count > PageSize ? first[..PageSize] : first, 1, first.Count > PageSize);
        }
        rows = rows[..PageSize];
        rows.Reverse();
        return (rows, Math.Max(2, Page), true);
    }

    /// <summary>A page's worth of a search's matches and one more, in this order, past <paramref name="cursor"/> when there is one.</summary>
    private async Task<List<Student>> ReadMatchesAsync(RecordsDbContext db, SearchQuery search, StudentCursor? cursor, CancellationToken cancellation)
    {
        if (Sort == StudentSort.Name && await NameOrderedSearch.ReadAsync(db, search, Descending, cursor, PageSize + 1, countCap: 0, cancellation) is { } named) return named.Rows;
        var matches = Matches(db, search.StudentIds(db.StudentSearchTerms));
        var from = cursor is null ? matches : cursor.Seek(matches, Sort, upward: !Descending)!;
        return await Ordered(from).Take(PageSize + 1).AsNoTracking().ToListAsync(cancellation);
    }

    private static int LastPage(int count) => Math.Max(1, (int)Math.Ceiling(count / (double)PageSize));

    private async Task<List<Student>> ReadFirstPageAsync(RecordsDbContext db, CancellationToken cancellation)
    {
        var query = FirstPages.GetOrAdd((db.GetType(), Sort, Descending), _ => CompiledPage.First(students => Ordered(students).Take(PageSize + 1)));
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

    /// <summary>
    /// The student whose address is exactly the one typed, found through the unique index on e-mail with no
    /// terms read or counted: a whole address names one student, even when another's address starts with it.
    /// </summary>
    private static Task<Student?> OwnerOfAsync(RecordsDbContext db, SearchQuery search, CancellationToken cancellation) =>
        search.WholeAddress is { } address
            ? db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Email == address, cancellation) // unique
            : Task.FromResult<Student?>(null);

    /// <summary>Every student the search matches, in the list's order, untracked: what an export writes.</summary>
    public async Task<IQueryable<Student>> MatchingAsync(RecordsDbContext db, CancellationToken cancellation)
    {
        var search = SearchQuery.Parse(Search);
        var students = db.Students.AsNoTracking();
        if (search.IsEmpty) return Ordered(students);
        if (await OwnerOfAsync(db, search, cancellation) is { } owner) return students.Where(s => s.Id == owner.Id);
        return Ordered(Matches(db, search.StudentIds(db.StudentSearchTerms)).AsNoTracking());
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
        // E-mail is unique and needs none: MariaDB reads a unique index in order for its column alone, and
        // with the id it sorted every student instead (0.5 s a page at 1,000,000).
        if (Sort == StudentSort.Email) return sorted;
        return Descending ? sorted.ThenByDescending(s => s.Id) : sorted.ThenBy(s => s.Id);
    }
}
