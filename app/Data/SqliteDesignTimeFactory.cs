using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StudentRecords.App.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without a running database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRecordsDbContext>
{
    public SqliteRecordsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRecordsDbContext>().UseSqlite("Data Source=design.db").Options);
}
