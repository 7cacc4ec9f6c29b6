using Microsoft.EntityFrameworkCore;

namespace StudentRecords.App.Data;

/// <summary>The embedded default: a SQLite file, so the app runs on a bare machine.</summary>
public sealed class SqliteRecordsDbContext(DbContextOptions<SqliteRecordsDbContext> options) : RecordsDbContext(options);
