using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.IamRole;
using HashiCorp.Cdktf.Providers.Aws.IamRolePolicy;
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
        var role = CreateRole(config);
        new S3BucketReplicationConfigurationA(this, "configuration", new S3BucketReplicationConfigurationAConfig
        {
            Bucket = config.Source.Name,
            Role = role.Arn,
            DependsOn = new ITerraformDependable[] { config.Source.Versioning, config.Destination.Versioning },
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
                        Bucket = config.Destination.Arn,
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

    private IamRole CreateRole(BucketReplicationConfig config)
    {
        var trust = new DataAwsIamPolicyDocument(this, "trust", new DataAwsIamPolicyDocumentConfig
        {
            Statement = new[]
            {
                PolicyStatements.AllowPrincipal("S3AssumesRole", "Service", ["s3.amazonaws.com"], ["sts:AssumeRole"], []),
            },
        });
        var role = new IamRole(this, "role", new IamRoleConfig { Name = config.RoleName, AssumeRolePolicy = trust.Json });

        var source = config.Source.Arn;
        var destination = config.Destination.Arn;
        var permissions = new DataAwsIamPolicyDocument(this, "permissions", new DataAwsIamPolicyDocumentConfig
        {
            Statement = new[]
            {
                PolicyStatements.Allow("ReadReplicationSettings", ["s3:GetReplicationConfiguration", "s3:ListBucket"], [source]),
                PolicyStatements.Allow("ReadSourceVersions", ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], [$"{source}/*"]),
                PolicyStatements.Allow("WriteReplicas", ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], [$"{destination}/*"]),
                PolicyStatements.Allow("DecryptSource", ["kms:Decrypt"], [config.SourceKeyArn]),
                PolicyStatements.Allow("EncryptReplicas", ["kms:Encrypt", "kms:GenerateDataKey"], [config.DestinationKeyArn]),
            },
        });
        new IamRolePolicy(this, "policy", new IamRolePolicyConfig { Role = role.Id, Name = "replication", Policy = permissions.Json });
        return role;
    }
}
