namespace StudentRecords.Model.Tests;

/// <summary>A platform.yaml <c>auth:</c> section as an operator would write it; the committed file has none.</summary>
public static class AuthSection
{
    public const string Authority = "https://login.example.org/realms/staff";
    public const string ClientId = "student-records";
    public const string RoleClaim = "groups";
    public const string AdministratorClaim = "records-admins";
    public const string ViewerClaim = "registry-readers";

    /// <summary>Every key but a Registrar mapping, so a test sees that only the configured roles reach the app.</summary>
    public const string Example = $"""
        auth:
          oidc:
            authority: {Authority}
            clientId: {ClientId}
            roleClaim: {RoleClaim}
            roles:
              Administrator: {AdministratorClaim}
              Viewer: {ViewerClaim}

        """;

    /// <summary>The committed environments with <see cref="Example"/> (or <paramref name="section"/>) added to platform.yaml.</summary>
    public static EnvironmentFolder WithAuth(this EnvironmentFolder env, string section = Example) => env.Append("platform.yaml", "\n" + section);
}
