using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StudentRecords.App.Data;

/// <summary>Lets `dotnet ef migrations add` build the MySQL context without a server (the version is fixed).</summary>
public sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlRecordsDbContext>
{
    public MySqlRecordsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MySqlRecordsDbContext>()
            .UseMySql("Server=localhost;Database=design", new MySqlServerVersion(DatabaseSettings.MySqlVersion))
            .Options);
}
