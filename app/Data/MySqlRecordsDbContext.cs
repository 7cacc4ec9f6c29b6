using Microsoft.EntityFrameworkCore;

namespace StudentRecords.App.Data;

/// <summary>Aurora MySQL 8.0 in AWS, MariaDB in tests.</summary>
public sealed class MySqlRecordsDbContext(DbContextOptions<MySqlRecordsDbContext> options) : RecordsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Terms compare by code point, as SQLite's BINARY does: the folding is the tokenizer's alone, and a
        // prefix range ends below U+10FFFF on both databases (a case- or accent-insensitive collation would
        // match more, and differently, than SQLite).
        modelBuilder.Entity<StudentSearchTerm>().Property(t => t.Term).UseCollation("utf8mb4_bin");
    }
}
