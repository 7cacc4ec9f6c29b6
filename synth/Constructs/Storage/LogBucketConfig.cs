namespace StudentRecords.Synth.Constructs.Storage;

public sealed record LogBucketConfig(string Name, int RetentionDays, string AccountId, string Partition);
