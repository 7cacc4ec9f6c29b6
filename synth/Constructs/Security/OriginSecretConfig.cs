namespace StudentRecords.Synth.Constructs.Security;

/// <param name="Create">The primary creates the secret (replicated to the standbys); the others read it.</param>
/// <param name="ReadFromRegion">Where a reader finds it when that is not its own region (the edge, in us-east-1).</param>
public sealed record OriginSecretConfig(string SecretName, string KmsKeyArn, IReadOnlyList<SecretReplica> Replicas, bool Create, string? ReadFromRegion = null);
