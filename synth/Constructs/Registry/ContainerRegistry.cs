using System.Text.Json;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.EcrLifecyclePolicy;
using HashiCorp.Cdktf.Providers.Aws.EcrReplicationConfiguration;
using HashiCorp.Cdktf.Providers.Aws.EcrRepository;

namespace StudentRecords.Synth.Constructs.Registry;

/// <summary>
/// The app's ECR repository: immutable tags (a tag always means the same image), scanned on push,
/// encrypted with the region's key, keeping the last N images; the primary replicates every push to
/// the standby regions so a failover never waits for an image.
/// </summary>
public sealed class ContainerRegistry : Construct
{
    public ContainerRegistry(Construct scope, string id, ContainerRegistryConfig config) : base(scope, id)
    {
        var repository = new EcrRepository(this, "repository", new EcrRepositoryConfig
        {
            Name = config.Name,
            ImageTagMutability = "IMMUTABLE",
            ImageScanningConfiguration = new EcrRepositoryImageScanningConfiguration { ScanOnPush = true },
            EncryptionConfiguration = new[] { new EcrRepositoryEncryptionConfiguration { EncryptionType = "KMS", KmsKey = config.KmsKeyArn } },
        });
        new EcrLifecyclePolicy(this, "lifecycle", new EcrLifecyclePolicyConfig
        {
            Repository = repository.Name,
            Policy = JsonSerializer.Serialize(new
            {
                rules = new[]
                {
                    new
                    {
                        rulePriority = 1,
                        description = $"Keep the last {config.ImagesKept} images",
                        selection = new { tagStatus = "any", countType = "imageCountMoreThan", countNumber = config.ImagesKept },
                        action = new { type = "expire" },
                    },
                },
            }),
        });
        if (config.ReplicateToRegions.Count > 0)
            new EcrReplicationConfiguration(this, "replication", new EcrReplicationConfigurationConfig
            {
                ReplicationConfiguration = new EcrReplicationConfigurationReplicationConfiguration
                {
                    Rule = new[]
                    {
                        new EcrReplicationConfigurationReplicationConfigurationRule
                        {
                            Destination = config.ReplicateToRegions.Select(region => new EcrReplicationConfigurationReplicationConfigurationRuleDestination
                            {
                                Region = region,
                                RegistryId = config.AccountId,
                            }).ToArray(),
                            RepositoryFilter = new[]
                            {
                                new EcrReplicationConfigurationReplicationConfigurationRuleRepositoryFilter { Filter = config.Name, FilterType = "PREFIX_MATCH" },
                            },
                        },
                    },
                },
            });
        Arn = repository.Arn;
        Url = repository.RepositoryUrl;
    }

    public string Arn { get; }

    public string Url { get; }
}
