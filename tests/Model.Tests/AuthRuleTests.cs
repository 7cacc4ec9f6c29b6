namespace StudentRecords.Model.Tests;

public sealed class AuthRuleTests
{
    [Fact]
    public void CommittedPlatformHasNoSingleSignOn()
    {
        Assert.Null(ModelLoader.Load(RepositoryPaths.Environments).Platform.Auth);
    }

    [Fact]
    public void AuthSectionLoadsWithOnlyTheRolesItMaps()
    {
        using var env = new EnvironmentFolder().WithAuth();

        var oidc = env.Load().Platform.Auth!.Oidc;

        Assert.Equal((AuthSection.Authority, AuthSection.ClientId, AuthSection.RoleClaim), (oidc.Authority, oidc.ClientId, oidc.RoleClaim));
        Assert.Equal([("Administrator", AuthSection.AdministratorClaim), ("Viewer", AuthSection.ViewerClaim)], oidc.Roles.Configured);
        Assert.Null(oidc.Roles.Registrar);
    }

    [Fact]
    public void RoleClaimDefaultsToRoles()
    {
        using var env = new EnvironmentFolder().WithAuth(AuthSection.Example.Replace($"    roleClaim: {AuthSection.RoleClaim}\n", ""));

        Assert.Equal("roles", env.Load().Platform.Auth!.Oidc.RoleClaim);
    }

    [Fact]
    public void AuthorityAndClientIdAreRequired()
    {
        using var env = new EnvironmentFolder().WithAuth(AuthSection.Example
            .Replace($"    authority: {AuthSection.Authority}\n", "")
            .Replace($"    clientId: {AuthSection.ClientId}\n", ""));

        var errors = env.Errors();
        ErrorAssert.Reports(errors, "platform.yaml", "auth.oidc.authority", "is required");
        ErrorAssert.Reports(errors, "platform.yaml", "auth.oidc.clientId", "is required");
    }

    [Theory]
    [InlineData("http://login.example.org/realms/staff")]
    [InlineData("login.example.org")]
    public void AuthorityMustBeAnHttpsUrl(string authority)
    {
        using var env = new EnvironmentFolder().WithAuth(AuthSection.Example.Replace(AuthSection.Authority, authority));

        var error = ErrorAssert.Reports(env.Errors(), "platform.yaml", "auth.oidc.authority", $"'{authority}' is not an https URL");
        Assert.Equal(env.LineOf("platform.yaml", $"authority: {authority}"), error.Line);
    }

    [Fact]
    public void UnknownRoleIsReportedWithTheAppsRoles()
    {
        using var env = new EnvironmentFolder().WithAuth(AuthSection.Example.Replace("      Viewer:", "      Auditor:"));

        var error = ErrorAssert.Reports(env.Errors(), "platform.yaml", "auth.oidc.roles.Auditor", "unknown key 'Auditor'");
        Assert.Contains("Administrator, Registrar, Viewer", error.Message);
    }

    [Fact]
    public void RolesMustGrantAtLeastOneRole()
    {
        using var env = new EnvironmentFolder().WithAuth($"""
            auth:
              oidc:
                authority: {AuthSection.Authority}
                clientId: {AuthSection.ClientId}
                roles: {"{}"}

            """);

        ErrorAssert.Reports(env.Errors(), "platform.yaml", "auth.oidc.roles", "grants no role");
    }

    [Fact]
    public void UnknownKeysInTheSectionAreReported()
    {
        using var env = new EnvironmentFolder().WithAuth(AuthSection.Example
            .Replace("  oidc:\n", "  saml: true\n  oidc:\n")
            .Replace($"    clientId: {AuthSection.ClientId}\n", $"    clientId: {AuthSection.ClientId}\n    clientSecret: hunter2\n"));

        var errors = env.Errors();
        ErrorAssert.Reports(errors, "platform.yaml", "auth.saml", "unknown key 'saml'");
        // The secret belongs in Secrets Manager, never in YAML: the key does not exist.
        ErrorAssert.Reports(errors, "platform.yaml", "auth.oidc.clientSecret", "unknown key 'clientSecret'");
    }
}
