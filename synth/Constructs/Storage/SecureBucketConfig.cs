using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Storage;

public sealed record SecureBucketConfig
{
    public required string Name { get; init; }

    /// <summary>The customer key that encrypts objects; null only for a bucket AWS services write logs to with SSE-S3.</summary>
    public required string? KmsKeyArn { get; init; }

    /// <summary>How long replaced or deleted object versions are kept.</summary>
    public required int NoncurrentVersionDays { get; init; }

    /// <summary>The region's provider when it is not the stack's default.</summary>
    public TerraformProvider? Provider { get; init; }

    /// <summary>Where S3 server access logs of this bucket go, under <c>s3/{bucket}/</c>.</summary>
    public string? AccessLogBucket { get; init; }

    /// <summary>Delete current objects after this many days (log buckets).</summary>
    public int? ExpireObjectsAfterDays { get; init; }

    /// <summary>Who besides the account may write here, e.g. log delivery.</summary>
    public Func<string, IReadOnlyList<DataAwsIamPolicyDocumentStatement>>? GrantStatements { get; init; }

    /// <summary>CloudFront standard logging writes through ACLs: keep them for that bucket only.</summary>
    public bool AllowLogDeliveryAcls { get; init; }
}
