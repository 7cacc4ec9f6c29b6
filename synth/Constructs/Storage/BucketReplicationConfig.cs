using HashiCorp.Cdktf;

namespace StudentRecords.Synth.Constructs.Storage;

/// <summary>What to copy where: both buckets, the keys that encrypt them, and the role S3 assumes.</summary>
public sealed record BucketReplicationConfig
{
    public required string SourceBucketName { get; init; }

    public required string SourceBucketArn { get; init; }

    public required string SourceKeyArn { get; init; }

    public required string DestinationBucketArn { get; init; }

    public required string DestinationKeyArn { get; init; }

    public required string RoleName { get; init; }

    /// <summary>Set when the source bucket is in another region than the stack's provider (AWS provider 6 per-resource region).</summary>
    public string? SourceRegion { get; init; }

    /// <summary>Resources that must exist first, such as the buckets' versioning.</summary>
    public IReadOnlyList<ITerraformDependable>? WaitFor { get; init; }
}
