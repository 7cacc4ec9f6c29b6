using MySqlConnector;

namespace StudentRecords.App.Data;

/// <summary>
/// Where the data lives: MySQL when the contract's variables name a host, otherwise a SQLite file
/// (ConnectionStrings:Sqlite, by default records.db beside the app or under /tmp in a container).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Server version Pomelo generates SQL for; Aurora MySQL 3 is MySQL 8.0.</summary>
    public static readonly Version MySqlVersion = new(8, 0, 36);

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var host = configuration[AppContract.DatabaseHost];
        if (string.IsNullOrWhiteSpace(host))
            return new(DatabaseProvider.Sqlite, configuration.GetConnectionString("Sqlite") ?? "Data Source=records.db");

        var builder = new MySqlConnectionStringBuilder
        {
            Server = host,
            Port = uint.TryParse(configuration[AppContract.DatabasePort], out var port) ? port : 3306,
            Database = Required(configuration, AppContract.DatabaseName),
            UserID = Required(configuration, AppContract.DatabaseUser),
            Password = Required(configuration, AppContract.DatabasePassword),
            SslMode = Enum.TryParse<MySqlSslMode>(configuration[AppContract.DatabaseSslMode], ignoreCase: true, out var ssl) ? ssl : MySqlSslMode.Required,
            ConnectionTimeout = 5, // fail fast when the database is down: the page answers 503 instead of hanging
            DefaultCommandTimeout = 30,
        };
        return new(DatabaseProvider.MySql, builder.ConnectionString);
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{AppContract.DatabaseHost} is set, so {name} must be set too (see AppContract).");
}
