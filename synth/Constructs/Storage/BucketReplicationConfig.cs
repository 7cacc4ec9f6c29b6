using HashiCorp.Cdktf;

namespace StudentRecords.Synth.Constructs.Storage;

/// <summary>What to copy where: both buckets, the keys that encrypt them, and the role S3 assumes.</summary>
/// <param name="SourceRegion">Set when the source bucket is in another region than the stack's provider (AWS provider 6 per-resource region).</param>
/// <param name="WaitFor">Resources that must exist first, such as the buckets' versioning.</param>
public sealed record BucketReplicationConfig(
    string SourceBucketName,
    string SourceBucketArn,
    string SourceKeyArn,
    string DestinationBucketArn,
    string DestinationKeyArn,
    string RoleName,
    string? SourceRegion = null,
    IReadOnlyList<ITerraformDependable>? WaitFor = null);
