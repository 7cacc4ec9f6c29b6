namespace StudentRecords.Synth.Constructs.Storage;

/// <summary>What to copy where: both buckets, the keys that encrypt them, and the role S3 assumes.</summary>
public sealed record BucketReplicationConfig(
    SecureBucket Source,
    string SourceKeyArn,
    SecureBucket Destination,
    string DestinationKeyArn,
    string RoleName);
