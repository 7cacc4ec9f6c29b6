namespace StudentRecords.Synth.Constructs.Storage;

/// <param name="CloudTrailWrites">The primary's multi-region trail delivers here.</param>
/// <param name="ConfigWrites">The region's AWS Config delivery channel delivers here.</param>
public sealed record LogBucketConfig(string Name, int RetentionDays, string AccountId, string Partition, bool CloudTrailWrites = false, bool ConfigWrites = false);
