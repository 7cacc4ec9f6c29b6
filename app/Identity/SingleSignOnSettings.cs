namespace StudentRecords.App.Identity;

/// <summary>
/// Optional institutional sign-on (OpenID Connect), on when <c>Auth:Oidc:Authority</c> and
/// <c>Auth:Oidc:ClientId</c> are set. <c>Auth:Oidc:Roles:&lt;role&gt;</c> names the value of
/// <c>Auth:Oidc:RoleClaim</c> that grants each of the app's roles.
/// </summary>
public sealed record SingleSignOnSettings(string Authority, string ClientId, string? ClientSecret, string RoleClaim, IReadOnlyDictionary<string, string> RoleByClaimValue)
{
    public const string Section = "Auth:Oidc";
    public const string DefaultRoleClaim = "roles";

    public static SingleSignOnSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (string.IsNullOrWhiteSpace(section["Authority"]) || string.IsNullOrWhiteSpace(section["ClientId"])) return null;
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in StaffRoles.All)
            if (section[$"Roles:{role}"] is { Length: > 0 } claimValue) roles[claimValue] = role;
        return new(section["Authority"]!, section["ClientId"]!, section["ClientSecret"], section["RoleClaim"] is { Length: > 0 } claim ? claim : DefaultRoleClaim, roles);
    }

    /// <summary>The strongest of the app's roles that the identity provider's claim values grant; null when none.</summary>
    public string? RoleFor(IEnumerable<string> claimValues)
    {
        var granted = claimValues.Select(value => RoleByClaimValue.GetValueOrDefault(value)).ToHashSet();
        return StaffRoles.All.FirstOrDefault(granted.Contains);
    }
}
