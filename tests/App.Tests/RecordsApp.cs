using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>The app in-process, configured as in production, on SQLite or on a MariaDB database of its own.</summary>
public sealed class RecordsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string? sqliteFile;

    static RecordsApp()
    {
        // Each app instance would watch appsettings.json for changes with an inotify instance of its own, and
        // this process starts hundreds of them: Linux allows 128 per user. Nothing here edits the file.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        // Likewise the web root's file provider, which asp-append-version has watch each static file: polled
        // instead, so the many apps a run starts (187 tests) use no inotify instances at all.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

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

    public const string Password = "correct horse battery staple";

    private TimeProvider? clock;

    /// <summary>What the app logged, with each entry's fields.</summary>
    public CapturedLogs Logs { get; } = new();

    public string? DatabaseName => settings.GetValueOrDefault(AppContract.DatabaseName);

    /// <summary>A configuration value, set before the app starts.</summary>
    public RecordsApp With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>The clock the app's cookies, sessions and audit read, so a test can move time on.</summary>
    public RecordsApp WithClock(TimeProvider time)
    {
        clock = time;
        return this;
    }

    /// <summary>Creates a local account as the <c>users add</c> command does; fails the test if it is refused.</summary>
    public async Task AddUserAsync(string email, string role, string password = Password)
    {
        using var scope = Services.CreateScope();
        var problem = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, password, "test");
        Assert.Null(problem);
    }

    /// <summary>A browser signed in through the real form, as a new user of <paramref name="role"/>, unless <paramref name="email"/> names an existing one.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role = StaffRoles.Registrar, string? email = null)
    {
        if (email is null)
        {
            email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
            await AddUserAsync(email, role);
        }
        var client = Forms.Browser(this);
        var response = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string returnUrl = "") =>
        Forms.PostAsync(client, $"/Account/SignIn{(returnUrl.Length > 0 ? $"?ReturnUrl={Uri.EscapeDataString(returnUrl)}" : "")}",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static RecordsApp On(string provider, MariaDbServer? server) =>
        provider == "mariadb" ? OnMariaDb(server!) : OnSqlite();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseSetting("Database:MigrationPatienceSeconds", "5");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (clock is { } time) builder.ConfigureTestServices(services => services.AddSingleton(time));
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
