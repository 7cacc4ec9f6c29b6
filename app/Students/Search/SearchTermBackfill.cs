using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Search;

/// <summary>
/// Gives terms to every student that has none: the students stored before search had terms, or written by
/// anything that forgot them. Walks the students in id order a batch at a time (memory stays bounded at any
/// size), asks which of the batch have terms (one range of the StudentId index), and inserts the rest's with
/// multi-row INSERTs that skip a row already there (a student saved meanwhile). Not one NOT EXISTS over the
/// students: MariaDB answers that by materializing every term's StudentId, for every batch.
/// </summary>
public static class SearchTermBackfill
{
    public const int BatchSize = 5000;

    /// <summary>Rows per INSERT: three parameters each, well inside SQLite's and MySQL's limits.</summary>
    private const int RowsPerInsert = 500;

    /// <param name="afterId">Only students with a greater id: those a bulk import has just inserted.</param>
    /// <returns>How many students were given terms.</returns>
    public static async Task<int> RunAsync(RecordsDbContext db, CancellationToken cancellation = default, int afterId = 0)
    {
        var indexed = 0;
        var after = afterId;
        while (true)
        {
            var ids = await db.Students.Where(s => s.Id > after).OrderBy(s => s.Id).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellation);
            if (ids.Count == 0) return indexed;
            var (first, last) = (ids[0], ids[^1]);
            var withTerms = await db.StudentSearchTerms.Where(t => t.StudentId >= first && t.StudentId <= last)
                .Select(t => t.StudentId).Distinct().ToListAsync(cancellation);
            if (withTerms.Count < ids.Count)
            {
                var done = withTerms.ToHashSet();
                var missing = await db.Students.AsNoTracking().Where(s => s.Id >= first && s.Id <= last)
                    .Select(s => new { s.Id, s.FullName, s.Email, s.Course }).ToListAsync(cancellation);
                var terms = missing.Where(s => !done.Contains(s.Id)).SelectMany(s => StudentSearchTerms.For(s.Id, s.FullName, s.Email, s.Course)).ToList();
                foreach (var rows in terms.Chunk(RowsPerInsert)) await InsertAsync(db, rows, cancellation);
                indexed += missing.Count(s => !done.Contains(s.Id));
            }
            after = last;
        }
    }

    private static Task<int> InsertAsync(RecordsDbContext db, StudentSearchTerm[] rows, CancellationToken cancellation)
    {
        // "Skip what is there": a student added while this runs may already have its terms.
        var insert = db is MySqlRecordsDbContext ? "INSERT IGNORE INTO" : "INSERT OR IGNORE INTO";
        var values = string.Join(", ", rows.Select((_, i) => $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
        var parameters = rows.SelectMany(r => new object[] { r.Term, r.StudentId, r.FullName }).ToArray();
#pragma warning disable EF1002 // the SQL holds placeholders only; every value is a parameter
        return db.Database.ExecuteSqlRawAsync($"{insert} student_search_terms (Term, StudentId, FullName) VALUES {values}", parameters, cancellation);
#pragma warning restore EF1002
    }
}
