using System.Data;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Students.Search;

namespace StudentRecords.App.Data;

/// <summary>
/// Brings the schema up to date. On MySQL it holds a named server lock while migrating, so two tasks
/// starting together migrate one after the other: the second finds nothing left to do. After migrating it
/// gives search terms to any student without them (the students stored before search existed), under the same lock.
/// </summary>
public static class DatabaseMigrator
{
    private const string LockName = "student_records_migrations";

    public static async Task MigrateAsync(RecordsDbContext db, CancellationToken cancellation = default)
    {
        if (db is not MySqlRecordsDbContext)
        {
            await db.Database.MigrateAsync(cancellation);
            await SearchTermBackfill.RunAsync(db, cancellation);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellation);
        try
        {
            if (await ScalarAsync(db, $"SELECT GET_LOCK('{LockName}', 120)", cancellation) != 1)
                throw new TimeoutException($"Another instance held the '{LockName}' lock for 120 s; migrations did not run.");
            try
            {
                await db.Database.MigrateAsync(cancellation);
                await SearchTermBackfill.RunAsync(db, cancellation);
            }
            finally
            {
                await ScalarAsync(db, $"SELECT RELEASE_LOCK('{LockName}')", cancellation);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long?> ScalarAsync(RecordsDbContext db, string sql, CancellationToken cancellation)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.CommandType = CommandType.Text;
        var result = await command.ExecuteScalarAsync(cancellation);
        return result is null or DBNull ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
