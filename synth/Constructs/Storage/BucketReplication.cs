using Constructs;
using HashiCorp.Cdktf.Providers.Aws.S3BucketReplicationConfiguration;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Storage;

/// <summary>
/// Cross-region replication of every object version, re-encrypted with the destination region's key,
/// through a role that may touch only these two buckets and these two keys.
/// </summary>
public sealed class BucketReplication : Construct
{
    public BucketReplication(Construct scope, string id, BucketReplicationConfig config) : base(scope, id)
    {
        var source = config.SourceBucketArn;
        var destination = config.DestinationBucketArn;
        var role = new ServiceRole(this, "role", new ServiceRoleConfig
        {
            Name = config.RoleName,
            Service = "s3.amazonaws.com",
            Statements = [
            PolicyStatements.Allow("ReadReplicationSettings", ["s3:GetReplicationConfiguration", "s3:ListBucket"], [source]),
            PolicyStatements.Allow("ReadSourceVersions", ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], [$"{source}/*"]),
            PolicyStatements.Allow("WriteReplicas", ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], [$"{destination}/*"]),
            PolicyStatements.Allow("DecryptSource", ["kms:Decrypt"], [config.SourceKeyArn]),
            PolicyStatements.Allow("EncryptReplicas", ["kms:Encrypt", "kms:GenerateDataKey"], [config.DestinationKeyArn]),
        ]
        });
        new S3BucketReplicationConfigurationA(this, "configuration", new S3BucketReplicationConfigurationAConfig
        {
            Bucket = config.SourceBucketName,
            Region = config.SourceRegion,
            Role = role.Arn,
            DependsOn = config.WaitFor is { } waitFor ? [.. waitFor] : null,
            Rule = new[]
            {
                new S3BucketReplicationConfigurationRule
                {
                    Id = "replicate-everything",
                    Status = "Enabled",
                    Filter = new S3BucketReplicationConfigurationRuleFilter(),
                    DeleteMarkerReplication = new S3BucketReplicationConfigurationRuleDeleteMarkerReplication { Status = "Enabled" },
                    SourceSelectionCriteria = new S3BucketReplicationConfigurationRuleSourceSelectionCriteria
                    {
                        SseKmsEncryptedObjects = new S3BucketReplicationConfigurationRuleSourceSelectionCriteriaSseKmsEncryptedObjects { Status = "Enabled" },
                    },
                    Destination = new S3BucketReplicationConfigurationRuleDestination
                    {
                        Bucket = destination,
                        StorageClass = "STANDARD",
                        EncryptionConfiguration = new S3BucketReplicationConfigurationRuleDestinationEncryptionConfiguration
                        {
                            ReplicaKmsKeyId = config.DestinationKeyArn,
                        },
                    },
                },
            },
        });
    }
}
