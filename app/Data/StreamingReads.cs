using Microsoft.EntityFrameworkCore;

namespace StudentRecords.App.Data;

/// <summary>
/// Contexts whose queries stream their rows. The app's own contexts retry transient MySQL failures, and
/// with a retrying strategy EF Core reads a query's whole result before returning its first row, so that a
/// retry can start again: for an export of every student that is the whole table in memory (measured:
/// 51 MB for 200,000 students). A stream cannot be retried anyway once its first bytes have left.
/// </summary>
public sealed class StreamingReads(DbContextOptions options)
{
    public RecordsDbContext Create() => options switch
    {
        DbContextOptions<MySqlRecordsDbContext> mysql => new MySqlRecordsDbContext(mysql),
        DbContextOptions<SqliteRecordsDbContext> sqlite => new SqliteRecordsDbContext(sqlite),
        _ => throw new InvalidOperationException($"No streaming context for {options.ContextType.Name}."),
    };
}
