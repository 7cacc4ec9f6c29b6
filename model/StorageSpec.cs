namespace StudentRecords.Model;

/// <summary>Retention of what the environment keeps: CloudWatch logs and old object versions.</summary>
public sealed record StorageSpec(int LogRetentionDays, int NoncurrentVersionDays);
