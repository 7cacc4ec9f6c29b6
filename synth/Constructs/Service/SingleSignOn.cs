using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Service;

/// <summary>What the app needs for single sign-on: the provider's settings, and the client secret from Secrets Manager at task start.</summary>
public sealed record SingleSignOn
{
    public required OidcSpec Settings { get; init; }

    /// <summary>The client secret in this region (a standby's: its replica).</summary>
    public required string ClientSecretArn { get; init; }

    /// <summary>The key that decrypts the client secret in this region.</summary>
    public required string ClientSecretKeyArn { get; init; }
}
