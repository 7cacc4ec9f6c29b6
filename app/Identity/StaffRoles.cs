using Microsoft.AspNetCore.Identity;

namespace StudentRecords.App.Identity;

/// <summary>
/// The three roles. Each includes the one below it: an Administrator may also change records, a
/// Registrar may also read them.
/// </summary>
public static class StaffRoles
{
    public const string Administrator = "Administrator";
    public const string Registrar = "Registrar";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, Registrar, Viewer];

    /// <summary>The roles that may create, edit and delete students (StaffPolicies.Change).</summary>
    public static readonly string[] ChangeRecords = [Registrar, Administrator];

    /// <summary>Whether the pages should offer <paramref name="user"/> the changing actions; the policy enforces it.</summary>
    public static bool MayChangeRecords(System.Security.Claims.ClaimsPrincipal user) => ChangeRecords.Any(user.IsInRole);

    /// <summary>The spelling of <paramref name="name"/> among the roles, ignoring case; null when it is none of them.</summary>
    public static string? Find(string name) => All.FirstOrDefault(role => string.Equals(role, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Rows the migrations insert, with fixed keys so every database has the same ones.</summary>
    public static IEnumerable<IdentityRole> Seed() => All.Select(role => new IdentityRole(role)
    {
        Id = $"role-{role.ToLowerInvariant()}",
        NormalizedName = role.ToUpperInvariant(),
        ConcurrencyStamp = $"seed-{role.ToLowerInvariant()}",
    });
}
