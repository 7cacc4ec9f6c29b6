using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Search;

/// <summary>
/// Gives terms to every student that has none: the students stored before search had terms, or written by
/// anything that forgot them. Walks the students in id order a batch at a time (memory stays bounded at any
/// size) and inserts with multi-row INSERTs that skip a row already there (a student saved meanwhile).
/// </summary>
public static class SearchTermBackfill
{
    public const int BatchSize = 1000;

    /// <summary>Rows per INSERT: two parameters each, well inside SQLite's and MySQL's limits.</summary>
    private const int RowsPerInsert = 500;

    /// <returns>How many students were given terms.</returns>
    public static async Task<int> RunAsync(RecordsDbContext db, CancellationToken cancellation = default)
    {
        var indexed = 0;
        var after = 0;
        while (true)
        {
            var batch = await db.Students.AsNoTracking()
                .Where(s => s.Id > after && !db.StudentSearchTerms.Any(t => t.StudentId == s.Id))
                .OrderBy(s => s.Id).Take(BatchSize)
                .Select(s => new { s.Id, s.FullName, s.Email, s.Course })
                .ToListAsync(cancellation);
            if (batch.Count == 0) return indexed;
            var terms = batch.SelectMany(s => StudentSearchTerms.For(s.Id, s.FullName, s.Email, s.Course)).ToList();
            foreach (var rows in terms.Chunk(RowsPerInsert)) await InsertAsync(db, rows, cancellation);
            indexed += batch.Count;
            after = batch[^1].Id;
        }
    }

    private static Task<int> InsertAsync(RecordsDbContext db, StudentSearchTerm[] rows, CancellationToken cancellation)
    {
        // "Skip what is there": a student added while this runs may already have its terms.
        var insert = db is MySqlRecordsDbContext ? "INSERT IGNORE INTO" : "INSERT OR IGNORE INTO";
        var values = string.Join(", ", rows.Select((_, i) => $"({{{2 * i}}}, {{{2 * i + 1}}})"));
        var parameters = rows.SelectMany(r => new object[] { r.Term, r.StudentId }).ToArray();
#pragma warning disable EF1002 // the SQL holds placeholders only; every value is a parameter
        return db.Database.ExecuteSqlRawAsync($"{insert} student_search_terms (Term, StudentId) VALUES {values}", parameters, cancellation);
#pragma warning restore EF1002
    }
}
