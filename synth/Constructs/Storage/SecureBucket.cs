using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.S3Bucket;
using HashiCorp.Cdktf.Providers.Aws.S3BucketLifecycleConfiguration;
using HashiCorp.Cdktf.Providers.Aws.S3BucketLogging;
using HashiCorp.Cdktf.Providers.Aws.S3BucketOwnershipControls;
using HashiCorp.Cdktf.Providers.Aws.S3BucketPolicy;
using HashiCorp.Cdktf.Providers.Aws.S3BucketPublicAccessBlock;
using HashiCorp.Cdktf.Providers.Aws.S3BucketServerSideEncryptionConfiguration;
using HashiCorp.Cdktf.Providers.Aws.S3BucketVersioning;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Storage;

/// <summary>
/// An S3 bucket that is private, versioned, encrypted (with a customer key unless AWS log delivery
/// forbids one), reachable only over TLS, logged, and that expires old versions: the baseline every
/// bucket of the platform starts from.
/// </summary>
public sealed class SecureBucket : Construct
{
    private readonly SecureBucketConfig config;
    private readonly S3Bucket bucket;

    public SecureBucket(Construct scope, string id, SecureBucketConfig config) : base(scope, id)
    {
        this.config = config;
        bucket = new S3Bucket(this, "bucket", new S3BucketConfig { Provider = config.Provider, Bucket = config.Name });
        Versioning = EnableVersioning();
        Encrypt();
        BlockPublicAccess();
        Policy = ApplyPolicy();
        ExpireOldVersions();
        if (config.AccessLogBucket is { } logBucket) LogAccess(logBucket);
    }

    public string Name => bucket.Bucket;

    public string Arn => bucket.Arn;

    /// <summary>The bucket's regional domain name, as CloudFront logging wants it.</summary>
    public string DomainName => bucket.BucketRegionalDomainName;

    /// <summary>
    /// AWS checks the bucket policy when a service is pointed at the bucket (CloudTrail, Config, ALB access
    /// logs): such resources wait on this.
    /// </summary>
    public S3BucketPolicy Policy { get; }

    /// <summary>Replication needs versioning in place first; dependants wait on this.</summary>
    public S3BucketVersioningA Versioning { get; }

    private S3BucketVersioningA EnableVersioning() => new(this, "versioning", new S3BucketVersioningAConfig
    {
        Provider = config.Provider,
        Bucket = bucket.Id,
        VersioningConfiguration = new S3BucketVersioningVersioningConfiguration { Status = "Enabled" },
    });

    private void Encrypt() => new S3BucketServerSideEncryptionConfigurationA(this, "encryption", new S3BucketServerSideEncryptionConfigurationAConfig
    {
        Provider = config.Provider,
        Bucket = bucket.Id,
        Rule = new[]
        {
            new S3BucketServerSideEncryptionConfigurationRuleA
            {
                ApplyServerSideEncryptionByDefault = new S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA
                {
                    // ALB access logs and S3 server access logs can be delivered only to SSE-S3 buckets.
                    SseAlgorithm = config.KmsKeyArn is null ? "AES256" : "aws:kms",
                    KmsMasterKeyId = config.KmsKeyArn,
                },
                BucketKeyEnabled = config.KmsKeyArn is not null, // one KMS call per bucket key, not per object
            },
        },
    });

    private void BlockPublicAccess()
    {
        new S3BucketPublicAccessBlock(this, "public-access-block", new S3BucketPublicAccessBlockConfig
        {
            Provider = config.Provider,
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        });
        new S3BucketOwnershipControls(this, "ownership", new S3BucketOwnershipControlsConfig
        {
            Provider = config.Provider,
            Bucket = bucket.Id,
            // ACLs off, except where CloudFront's log delivery needs them.
            Rule = new S3BucketOwnershipControlsRule { ObjectOwnership = config.AllowLogDeliveryAcls ? "BucketOwnerPreferred" : "BucketOwnerEnforced" },
        });
    }

    private S3BucketPolicy ApplyPolicy()
    {
        var policy = new DataAwsIamPolicyDocument(this, "policy-document", new DataAwsIamPolicyDocumentConfig
        {
            Provider = config.Provider,
            Statement = (DataAwsIamPolicyDocumentStatement[])[PolicyStatements.DenyInsecureTransport(bucket.Arn), .. config.GrantStatements?.Invoke(bucket.Arn) ?? []],
        });
        return new S3BucketPolicy(this, "policy", new S3BucketPolicyConfig { Provider = config.Provider, Bucket = bucket.Id, Policy = policy.Json });
    }

    private void ExpireOldVersions() => new S3BucketLifecycleConfiguration(this, "lifecycle", new S3BucketLifecycleConfigurationConfig
    {
        Provider = config.Provider,
        Bucket = bucket.Id,
        DependsOn = new[] { Versioning },
        Rule = new[]
        {
            new S3BucketLifecycleConfigurationRule
            {
                Id = "expire-old-versions",
                Status = "Enabled",
                Filter = new[] { new S3BucketLifecycleConfigurationRuleFilter() }, // the whole bucket
                Expiration = config.ExpireObjectsAfterDays is { } days
                    ? new[] { new S3BucketLifecycleConfigurationRuleExpiration { Days = days } }
                    : null,
                NoncurrentVersionExpiration = new[]
                {
                    new S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration { NoncurrentDays = config.NoncurrentVersionDays },
                },
                AbortIncompleteMultipartUpload = new[]
                {
                    new S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
                },
            },
        },
    });

    private void LogAccess(string logBucket) => new S3BucketLoggingA(this, "logging", new S3BucketLoggingAConfig
    {
        Provider = config.Provider,
        Bucket = bucket.Id,
        TargetBucket = logBucket,
        TargetPrefix = $"s3/{config.Name}/",
    });
}
