using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Database;

/// <param name="SecretName">The same name in every region: the standbys read their replica of it.</param>
/// <param name="KmsKeyArn">The key the secret is encrypted with in this region (a standby's: its replica's).</param>
/// <param name="Replicas">Where the secret is replicated to (empty in a standby).</param>
/// <param name="Create">True in the primary, which owns the secret; a standby only looks its replica up.</param>
public sealed record DatabaseCredentialsConfig(string SecretName, string Username, string KmsKeyArn, IReadOnlyList<SecretReplica> Replicas, bool Create);
