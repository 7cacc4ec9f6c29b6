namespace StudentRecords.Model;

/// <summary>How staff sign in to the records app besides its local accounts (platform.yaml <c>auth:</c>).</summary>
public sealed record AuthSpec(OidcSpec Oidc);
