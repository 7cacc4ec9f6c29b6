using StudentRecords.Model.Loading;

namespace StudentRecords.Model.Validation;

/// <summary>The single sign-on settings the app receives: a provider it can trust and at least one role it grants.</summary>
internal static class AuthRules
{
    public static void Check(AuthSpec auth, string file, Problems problems)
    {
        var oidc = auth.Oidc;
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps || authority.Host.Length == 0)
            problems.Add(file, "auth.oidc.authority", $"'{oidc.Authority}' is not an https URL; use the provider's issuer, such as https://login.example.org/realms/staff (tokens and the client secret must not cross plain HTTP)");
        foreach (var (key, value) in new[] { ("clientId", oidc.ClientId), ("roleClaim", oidc.RoleClaim) })
            if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace))
                problems.Add(file, $"auth.oidc.{key}", $"'{value}' must be a name without spaces, as the identity provider spells it");
        if (oidc.Roles.Configured.Count == 0)
            problems.Add(file, "auth.oidc.roles", "grants no role, so every single sign-on would be refused; map at least one of Administrator, Registrar, Viewer to a claim value");
        foreach (var (role, claimValue) in oidc.Roles.Configured)
            if (string.IsNullOrWhiteSpace(claimValue))
                problems.Add(file, $"auth.oidc.roles.{role}", "is empty; give the claim value that grants this role, or leave the role out");
    }
}
