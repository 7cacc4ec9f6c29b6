namespace StudentRecords.Model;

/// <summary>The Aurora MySQL cluster.</summary>
/// <param name="BackupWindow">Daily backup window in UTC, <c>hh:mm-hh:mm</c>.</param>
/// <param name="RotationDays">How often the primary rotates the master password (the seed rotates automatically; 30 when left out).</param>
public sealed record DatabaseSpec(
    string EngineVersion,
    string InstanceClass,
    int InstanceCount,
    ReplicationMode Replication,
    int BackupRetentionDays,
    string BackupWindow,
    int RotationDays = DatabaseSpec.DefaultRotationDays)
{
    public const int DefaultRotationDays = 30;
}
