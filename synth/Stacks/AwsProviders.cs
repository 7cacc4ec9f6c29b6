using Constructs;
using HashiCorp.Cdktf.Providers.Aws.Provider;

namespace StudentRecords.Synth.Stacks;

/// <summary>Configures the AWS provider for one region with the stack's default tags.</summary>
public static class AwsProviders
{
    /// <param name="alias">Null for the stack's default provider; a name for each additional region.</param>
    public static AwsProvider Create(Construct scope, string region, IDictionary<string, string> tags, string? alias = null) =>
        new(scope, alias is null ? "aws" : $"aws-{alias}", new AwsProviderConfig
        {
            Region = region,
            Alias = alias,
            DefaultTags = new[] { new AwsProviderDefaultTags { Tags = tags } },
        });
}
