namespace StudentRecords.Model;

/// <summary>Retention of what the environment keeps: CloudWatch logs, old object versions, container images.</summary>
public sealed record StorageSpec(int LogRetentionDays, int NoncurrentVersionDays, int ImagesKept);
