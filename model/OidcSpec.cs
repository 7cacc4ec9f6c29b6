namespace StudentRecords.Model;

/// <summary>The institution's OpenID Connect provider. Its client secret is not here: it lives in Secrets Manager.</summary>
/// <param name="Authority">The provider's issuer URL (https).</param>
/// <param name="RoleClaim">The claim whose values grant the app's roles; "roles" when absent.</param>
public sealed record OidcSpec(string Authority, string ClientId, string RoleClaim, OidcRoles Roles)
{
    public const string DefaultRoleClaim = "roles";
}
