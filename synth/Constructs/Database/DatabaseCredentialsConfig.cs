namespace StudentRecords.Synth.Constructs.Database;

/// <param name="SecretName">The same name in every region: the standbys read their replica of it.</param>
/// <param name="ReplicaRegions">Regions that get a replica of the secret (empty in a standby).</param>
/// <param name="Create">True in the primary, which owns the secret; a standby only looks its replica up.</param>
public sealed record DatabaseCredentialsConfig(string SecretName, string Username, string KmsKeyArn, IReadOnlyList<string> ReplicaRegions, bool Create);
