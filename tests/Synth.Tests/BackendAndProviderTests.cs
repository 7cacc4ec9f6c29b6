namespace StudentRecords.Synth.Tests;

[Collection(SynthCollection.Name)]
public sealed class BackendAndProviderTests(SynthesizedPlatform platform)
{
    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void RegionalStackKeepsStateInTheStateBucketUnderItsOwnKeyWithLocking(string stack)
    {
        var backend = platform.Stack(stack).Backend("s3");

        Assert.Equal("student-record-system-terraform-state", (string?)backend["bucket"]);
        Assert.Equal($"{stack}/terraform.tfstate", (string?)backend["key"]);
        Assert.Equal("eu-central-1", (string?)backend["region"]); // the state bucket lives with the primary
        Assert.True((bool?)backend["encrypt"]);
        Assert.Equal("alias/student-record-system-shared-state", (string?)backend["kms_key_id"]);
    }

    [Fact]
    public void ProductionLocksWithTheTableTheStandbyWithS3ItselfSinceTheTableLivesInThePrimaryRegion()
    {
        var production = platform.Stack("production").Backend("s3");
        var dr = platform.Stack("dr").Backend("s3");

        Assert.Equal("student-record-system-terraform-locks", (string?)production["dynamodb_table"]);
        Assert.Null(production["use_lockfile"]);
        Assert.True((bool?)dr["use_lockfile"]);
        Assert.Null(dr["dynamodb_table"]);
    }

    [Fact]
    public void StateStackStartsOnALocalBackendOutsideTheOutputFolder()
    {
        var backend = platform.Stack("state").Backend("local");

        // cdktf.out is replaced on every synth; the state must survive that, so it lives at the repository root.
        Assert.Equal("../../../terraform.state.tfstate", (string?)backend["path"]);
    }

    [Fact]
    public void OnceSelfStoredTheStateStackKeepsItsStateInItsOwnBucket()
    {
        var state = PlatformVariant.Synthesize(env => env.Replace("platform.yaml", "selfStored: false", "selfStored: true"))["state"];

        var backend = state.Backend("s3");
        Assert.Equal("state/terraform.tfstate", (string?)backend["key"]);
        Assert.Equal("student-record-system-terraform-state", (string?)backend["bucket"]);
        Assert.Null(state.Root["terraform"]!["backend"]!["local"]);
    }

    [Theory]
    [InlineData("production", "eu-central-1")]
    [InlineData("dr", "eu-west-1")]
    public void RegionalStackDeploysToItsRegionWithTheStandardTags(string stack, string region)
    {
        var provider = Assert.Single(platform.Stack(stack).Providers);

        Assert.Equal(region, (string?)provider["region"]);
        var tags = provider["default_tags"]![0]!["tags"]!.AsObject();
        Assert.Equal("student-record-system", (string?)tags["Project"]);
        Assert.Equal(stack, (string?)tags["Environment"]);
        Assert.Equal("cdktf", (string?)tags["ManagedBy"]);
        Assert.Equal("platform-team", (string?)tags["Owner"]);
    }

    [Fact]
    public void StateStackHasAProviderForThePrimaryAndOneForTheReplicaRegion()
    {
        var providers = platform.Stack("state").Providers;

        Assert.Equal(2, providers.Count);
        Assert.Contains(providers, p => (string?)p["region"] == "eu-central-1" && p["alias"] is null);
        Assert.Contains(providers, p => (string?)p["region"] == "eu-west-1" && (string?)p["alias"] == "replica");
        Assert.All(providers, p => Assert.Equal("shared", (string?)p["default_tags"]![0]!["tags"]!["Environment"]));
    }

    [Theory]
    [InlineData("production", "10.2.0.0/16")]
    [InlineData("dr", "10.3.0.0/16")]
    public void RegionalStackHasItsVpc(string stack, string cidr)
    {
        var vpc = platform.Stack(stack).Resource("aws_vpc");

        Assert.Equal(cidr, (string?)vpc["cidr_block"]);
        Assert.True((bool?)vpc["enable_dns_support"]);
        Assert.Equal($"student-record-system-{stack}-vpc", (string?)vpc["tags"]!["Name"]);
    }
}
