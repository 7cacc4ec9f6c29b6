using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StudentRecords.App.Tests;

/// <summary>The app in-process, configured as in production, on SQLite or on a MariaDB database of its own.</summary>
public sealed class RecordsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string? sqliteFile;

    private RecordsApp(Dictionary<string, string?> settings, string? sqliteFile)
    {
        this.settings = settings;
        this.sqliteFile = sqliteFile;
    }

    public static RecordsApp OnSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"srp-records-{Guid.NewGuid():N}.db");
        return new(new() { ["ConnectionStrings:Sqlite"] = $"Data Source={file}" }, file);
    }

    /// <param name="database">A database another instance already uses, as two ECS tasks share one; else a new one.</param>
    public static RecordsApp OnMariaDb(MariaDbServer server, string? database = null) => new(new()
    {
        [AppContract.DatabaseHost] = "127.0.0.1",
        [AppContract.DatabasePort] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [AppContract.DatabaseName] = database ?? server.CreateDatabase(),
        [AppContract.DatabaseUser] = MariaDbServer.User,
        [AppContract.DatabasePassword] = MariaDbServer.Password,
        [AppContract.DatabaseSslMode] = "None", // the test server has no certificate; Aurora requires TLS (the default)
    }, null);

    public string? DatabaseName => settings.GetValueOrDefault(AppContract.DatabaseName);

    public static RecordsApp On(string provider, MariaDbServer? server) =>
        provider == "mariadb" ? OnMariaDb(server!) : OnSqlite();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseSetting("Database:MigrationPatienceSeconds", "5");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, $"{sqliteFile}-wal", $"{sqliteFile}-shm" }) File.Delete(file);
        }
    }
}
