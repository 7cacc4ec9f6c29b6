using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Registry;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>ContainerRegistry promises an immutable, scanned, key-encrypted repository keeping the last N images, replicated to the given regions only when there are some.</summary>
public sealed class ContainerRegistrySpec
{
    private static TerraformJson Registry(ContainerRegistryConfig config) =>
        ConstructSpec.Synth(stack => new ContainerRegistry(stack, "registry", config));

    private static readonly ContainerRegistryConfig Minimal = new()
    {
        Name = "spec-project",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        ImagesKept = 30,
        ReplicateToRegions = [],
        AccountId = SpecInputs.AccountId,
    };

    [Fact]
    public void Has_immutable_tags_scans_on_push_and_is_encrypted_with_the_given_key()
    {
        var repository = Registry(Minimal).Resource("aws_ecr_repository");
        Assert.Equal("spec-project", repository["name"]!.GetValue<string>());
        Assert.Equal("IMMUTABLE", repository["image_tag_mutability"]!.GetValue<string>());
        Assert.True(repository["image_scanning_configuration"]!["scan_on_push"]!.GetValue<bool>());
        var encryption = Assert.Single(repository["encryption_configuration"]!.AsArray())!;
        Assert.Equal("KMS", encryption["encryption_type"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, encryption["kms_key"]!.GetValue<string>());
    }

    [Fact]
    public void Expires_every_image_beyond_the_last_n()
    {
        foreach (var kept in new[] { 30, 5 })
        {
            var stack = Registry(Minimal with { ImagesKept = kept });
            var lifecycle = stack.Resource("aws_ecr_lifecycle_policy");
            Assert.Equal(stack.ReferenceTo("aws_ecr_repository", stack.Resource("aws_ecr_repository"), "name"), lifecycle["repository"]!.GetValue<string>());
            var rule = Assert.Single(JsonNode.Parse(lifecycle["policy"]!.GetValue<string>())!["rules"]!.AsArray())!;
            Assert.Equal("any", rule["selection"]!["tagStatus"]!.GetValue<string>());
            Assert.Equal("imageCountMoreThan", rule["selection"]!["countType"]!.GetValue<string>());
            Assert.Equal(kept, rule["selection"]!["countNumber"]!.GetValue<int>());
            Assert.Equal("expire", rule["action"]!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Replicates_every_push_to_the_given_regions_only_when_there_are_some()
    {
        Assert.Empty(Registry(Minimal).Resources("aws_ecr_replication_configuration"));

        var replication = Registry(Minimal with { ReplicateToRegions = ["eu-west-1", "us-east-2"] }).Resource("aws_ecr_replication_configuration");
        var rule = Assert.Single(replication["replication_configuration"]!["rule"]!.AsArray())!;
        var destinations = rule["destination"]!.AsArray();
        Assert.Equal(["eu-west-1", "us-east-2"], destinations.Select(d => d!["region"]!.GetValue<string>()));
        Assert.All(destinations, d => Assert.Equal(SpecInputs.AccountId, d!["registry_id"]!.GetValue<string>()));
        var filter = Assert.Single(rule["repository_filter"]!.AsArray())!;
        Assert.Equal("spec-project", filter["filter"]!.GetValue<string>());
        Assert.Equal("PREFIX_MATCH", filter["filter_type"]!.GetValue<string>());
    }
}
