namespace StudentRecords.Synth.Constructs.Database;

/// <param name="ClusterArn">Backed up by a plan when set (the primary); a standby only keeps a vault for the copies.</param>
/// <param name="CopyToVaultArns">The standby vaults each backup is copied to.</param>
public sealed record DatabaseBackupConfig(string Name, string KmsKeyArn, string? ClusterArn, IReadOnlyList<string> CopyToVaultArns, int RetentionDays, string Partition);
