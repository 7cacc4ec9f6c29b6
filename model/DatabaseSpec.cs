namespace StudentRecords.Model;

/// <summary>The Aurora MySQL cluster.</summary>
public sealed record DatabaseSpec
{
    public required string EngineVersion { get; init; }

    public required string InstanceClass { get; init; }

    public required int InstanceCount { get; init; }

    public required ReplicationMode Replication { get; init; }

    public required int BackupRetentionDays { get; init; }

    /// <summary>Daily backup window in UTC, <c>hh:mm-hh:mm</c>.</summary>
    public required string BackupWindow { get; init; }

    /// <summary>How often the primary rotates the master password (the seed rotates automatically; 30 when left out).</summary>
    public int RotationDays { get; init; } = DatabaseSpec.DefaultRotationDays;

    public const int DefaultRotationDays = 30;
}
