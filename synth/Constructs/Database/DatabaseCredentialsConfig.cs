using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Database;

public sealed record DatabaseCredentialsConfig
{
    /// <summary>The same name in every region: the standbys read their replica of it.</summary>
    public required string SecretName { get; init; }

    public required string Username { get; init; }

    /// <summary>The key the secret is encrypted with in this region (a standby's: its replica's).</summary>
    public required string KmsKeyArn { get; init; }

    /// <summary>Where the secret is replicated to (empty in a standby).</summary>
    public required IReadOnlyList<SecretReplica> Replicas { get; init; }

    /// <summary>True in the primary, which owns the secret; a standby only looks its replica up.</summary>
    public required bool Create { get; init; }
}
