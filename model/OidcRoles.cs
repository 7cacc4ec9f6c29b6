namespace StudentRecords.Model;

/// <summary>The value of the role claim that grants each of the app's roles; a role left null is granted by no claim.</summary>
public sealed record OidcRoles(string? Administrator, string? Registrar, string? Viewer)
{
    /// <summary>The configured roles by the app's role names, in the app's order (strongest first).</summary>
    public IReadOnlyList<(string Role, string ClaimValue)> Configured =>
    [
        .. new[] { (nameof(Administrator), Administrator), (nameof(Registrar), Registrar), (nameof(Viewer), Viewer) }
            .Where(r => r.Item2 is not null)
            .Select(r => (r.Item1, r.Item2!)),
    ];
}
