namespace StudentRecords.Model;

/// <summary>The Aurora MySQL cluster.</summary>
/// <param name="BackupWindow">Daily backup window in UTC, <c>hh:mm-hh:mm</c>.</param>
public sealed record DatabaseSpec(
    string EngineVersion,
    string InstanceClass,
    int InstanceCount,
    ReplicationMode Replication,
    int BackupRetentionDays,
    string BackupWindow);
