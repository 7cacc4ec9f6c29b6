using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Storage;

/// <param name="KmsKeyArn">The customer key that encrypts objects; null only for a bucket AWS services write logs to with SSE-S3.</param>
/// <param name="NoncurrentVersionDays">How long replaced or deleted object versions are kept.</param>
/// <param name="Provider">The region's provider when it is not the stack's default.</param>
/// <param name="AccessLogBucket">Where S3 server access logs of this bucket go, under <c>s3/{bucket}/</c>.</param>
/// <param name="ExpireObjectsAfterDays">Delete current objects after this many days (log buckets).</param>
/// <param name="GrantStatements">Who besides the account may write here, e.g. log delivery.</param>
/// <param name="AllowLogDeliveryAcls">CloudFront standard logging writes through ACLs: keep them for that bucket only.</param>
public sealed record SecureBucketConfig(
    string Name,
    string? KmsKeyArn,
    int NoncurrentVersionDays,
    TerraformProvider? Provider = null,
    string? AccessLogBucket = null,
    int? ExpireObjectsAfterDays = null,
    Func<string, IReadOnlyList<DataAwsIamPolicyDocumentStatement>>? GrantStatements = null,
    bool AllowLogDeliveryAcls = false);
