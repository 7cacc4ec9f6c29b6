using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace StudentRecords.App.Tests;

/// <summary>
/// A real MariaDB server for the tests: its own data directory and port on 127.0.0.1, started once per
/// test run and stopped at the end. Needs Debian's mariadb-server (tests/run.sh installs it).
/// </summary>
public sealed class MariaDbServer : IDisposable
{
    public const string User = "records";
    public const string Password = "records-test-password";
    private readonly string dataDir = Directory.CreateTempSubdirectory("srp-mariadb-").FullName;
    private Process? server;

    public MariaDbServer()
    {
        Port = FreePort();
        Run("mariadb-install-db", $"--no-defaults --datadir={dataDir} --user=root --auth-root-authentication-method=normal --skip-test-db");
        Start();
        using var admin = new MySqlConnection(AdminConnectionString);
        admin.Open();
        Execute(admin, $"CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}'; GRANT ALL ON *.* TO '{User}'@'%'; FLUSH PRIVILEGES;");
    }

    public int Port { get; }

    private string Socket => Path.Combine(dataDir, "mariadb.sock");

    private string AdminConnectionString => $"Server={Socket};Protocol=Unix;User ID=root;SslMode=None";

    /// <summary>A fresh, empty database for one test, so tests never see each other's rows.</summary>
    public string CreateDatabase()
    {
        var name = $"records_{Guid.NewGuid():N}"[..24];
        using var admin = new MySqlConnection(AdminConnectionString);
        admin.Open();
        Execute(admin, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    /// <summary>
    /// Rows and index entries read by every statement since the server started: the Handler_read_* counters,
    /// plus Handler_icp_attempts for the index entries a pushed-down condition looked at and passed over.
    /// </summary>
    public long RowsRead()
    {
        using var admin = new MySqlConnection(AdminConnectionString);
        admin.Open();
        using var command = new MySqlCommand("SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME LIKE 'HANDLER\\_READ\\_%' OR VARIABLE_NAME = 'HANDLER_ICP_ATTEMPTS'", admin);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs SQL as root in one test's database: rows written straight in, bypassing the app.</summary>
    public void Execute(string database, string sql)
    {
        using var admin = new MySqlConnection($"{AdminConnectionString};Database={database}");
        admin.Open();
        Execute(admin, sql);
    }

    /// <summary>What <paramref name="request"/> made the server read (see <see cref="RowsRead"/>); other tests of the collection wait meanwhile.</summary>
    public async Task<long> RowsReadByAsync(Func<Task> request)
    {
        var before = RowsRead();
        await request();
        return RowsRead() - before;
    }

    public void Start()
    {
        server = Process.Start(new ProcessStartInfo("mariadbd",
            $"--no-defaults --datadir={dataDir} --socket={Socket} --port={Port} --bind-address=127.0.0.1 --user=root " +
            "--skip-log-bin --innodb-buffer-pool-size=128M --max-connections=500 --skip-name-resolve")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var probe = new MySqlConnection(AdminConnectionString);
                probe.Open();
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Stops the server as an outage would (the app's connections break), keeping its data.</summary>
    public void Stop()
    {
        if (server is null || server.HasExited) return;
        server.Kill();
        server.WaitForExit();
        MySqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(dataDir, recursive: true);
    }

    private static void Execute(MySqlConnection connection, string sql)
    {
        using var command = new MySqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
