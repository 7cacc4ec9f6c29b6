namespace StudentRecords.Synth.Constructs.Security;

public sealed record OriginSecretConfig
{
    public required string SecretName { get; init; }

    public required string KmsKeyArn { get; init; }

    public required IReadOnlyList<SecretReplica> Replicas { get; init; }

    /// <summary>The primary creates the secret (replicated to the standbys); the others read it.</summary>
    public required bool Create { get; init; }

    /// <summary>Where a reader finds it when that is not its own region (the edge, in us-east-1).</summary>
    public string? ReadFromRegion { get; init; }
}
