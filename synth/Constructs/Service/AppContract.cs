namespace StudentRecords.Synth.Constructs.Service;

/// <summary>
/// What the records app expects of its container: the environment variable names it reads and the
/// name of its container. tests/ checks these against the app's own contract, so neither side drifts.
/// </summary>
public static class AppContract
{
    public const string ContainerName = "app";
    public const string DatabaseHost = "DB_HOST";
    public const string DatabasePort = "DB_PORT";
    public const string DatabaseName = "DB_NAME";
    public const string DatabaseUser = "DB_USER";
    public const string DatabasePassword = "DB_PASSWORD";
    public const string AssetsBucket = "ASSETS_BUCKET";

    /// <summary>The non-root user of the app image (the .NET images' <c>app</c> user).</summary>
    public const string User = "1654";
}
