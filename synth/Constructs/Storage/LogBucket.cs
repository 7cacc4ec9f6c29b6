using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsElbServiceAccount;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Storage;

/// <summary>
/// Where the region's ALB access logs and S3 server access logs go. AWS delivers both only to buckets
/// encrypted with SSE-S3, so this is the one bucket without a customer key; logs expire with the model's retention.
/// </summary>
public sealed class LogBucket : Construct
{
    public LogBucket(Construct scope, string id, LogBucketConfig config) : base(scope, id)
    {
        // The regional Elastic Load Balancing account that writes ALB access logs.
        var elb = new DataAwsElbServiceAccount(this, "elb-account");
        var bucket = new SecureBucket(this, "bucket", new SecureBucketConfig
        {
            Name = config.Name,
            KmsKeyArn = null,
            NoncurrentVersionDays = 1,
            ExpireObjectsAfterDays = config.RetentionDays,
            GrantStatements = arn =>
            [
                PolicyStatements.AllowPrincipal("AlbWritesAccessLogs", "AWS", [elb.Arn], ["s3:PutObject"], [$"{arn}/alb/AWSLogs/{config.AccountId}/*"]),
                PolicyStatements.AllowPrincipal("S3WritesAccessLogs", "Service", ["logging.s3.amazonaws.com"], ["s3:PutObject"], [$"{arn}/s3/*"]),
                .. config.CloudTrailWrites ? ServiceDelivery("CloudTrail", "cloudtrail.amazonaws.com", arn, $"cloudtrail/AWSLogs/{config.AccountId}/*") : [],
                .. config.ConfigWrites ? ServiceDelivery("Config", "config.amazonaws.com", arn, $"config/AWSLogs/{config.AccountId}/Config/*") : [],
            ]
        });
        Name = bucket.Name;
        Arn = bucket.Arn;
        Policy = bucket.Policy;
    }

    /// <summary>What CloudTrail and Config need: to read the bucket's ACL and to write under their prefix.</summary>
    private static DataAwsIamPolicyDocumentStatement[] ServiceDelivery(string sid, string service, string bucketArn, string prefix) =>
    [
        PolicyStatements.AllowPrincipal($"{sid}ChecksBucket", "Service", [service], ["s3:GetBucketAcl", "s3:ListBucket"], [bucketArn]),
        PolicyStatements.AllowPrincipal($"{sid}Delivers", "Service", [service], ["s3:PutObject"], [$"{bucketArn}/{prefix}"]),
    ];

    public string Name { get; }

    public string Arn { get; }

    /// <summary>What writers into the bucket wait on: AWS checks this policy when they are created.</summary>
    public HashiCorp.Cdktf.ITerraformDependable Policy { get; }
}
