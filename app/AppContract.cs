namespace StudentRecords.App;

/// <summary>
/// What the app expects of where it runs: the variables that name its database, its port and its
/// health paths. The synthesized ECS task definition and target group must set exactly these; a test
/// in tests/App.Tests compares them with the synthesized production stack.
/// </summary>
public static class AppContract
{
    public const string DatabaseHost = "DB_HOST";
    public const string DatabasePort = "DB_PORT";
    public const string DatabaseName = "DB_NAME";
    public const string DatabaseUser = "DB_USER";
    public const string DatabasePassword = "DB_PASSWORD";

    /// <summary>Optional: MySqlConnector's SslMode; Aurora requires TLS, so the default is Required.</summary>
    public const string DatabaseSslMode = "DB_SSL_MODE";

    public const int ContainerPort = 8080;
    public const string LivenessPath = "/health/live";
    public const string ReadinessPath = "/health/ready";
}
