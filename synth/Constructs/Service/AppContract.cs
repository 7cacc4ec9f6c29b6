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

    // Optional single sign-on: ASP.NET Core configuration keys Auth:Oidc:*, written as environment variables.
    public const string OidcAuthority = "Auth__Oidc__Authority";
    public const string OidcClientId = "Auth__Oidc__ClientId";
    public const string OidcClientSecret = "Auth__Oidc__ClientSecret";
    public const string OidcRoleClaim = "Auth__Oidc__RoleClaim";

    /// <summary>The variable holding the claim value that grants the app's role <paramref name="role"/>.</summary>
    public static string OidcRole(string role) => $"Auth__Oidc__Roles__{role}";

    /// <summary>The non-root user of the app image (the .NET images' <c>app</c> user).</summary>
    public const string User = "1654";
}
