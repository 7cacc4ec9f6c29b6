namespace StudentRecords.Synth.Constructs.Database;

public sealed record DatabaseBackupConfig
{
    public required string Name { get; init; }

    public required string KmsKeyArn { get; init; }

    /// <summary>Backed up by a plan when set (the primary); a standby only keeps a vault for the copies.</summary>
    public required string? ClusterArn { get; init; }

    /// <summary>The standby vaults each backup is copied to.</summary>
    public required IReadOnlyList<string> CopyToVaultArns { get; init; }

    public required int RetentionDays { get; init; }

    public required string Partition { get; init; }
}
