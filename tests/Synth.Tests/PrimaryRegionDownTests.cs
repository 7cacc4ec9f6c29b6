using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Review;
using StudentRecords.Synth.Stacks;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// <c>synth/run.sh --primary-region-down</c>: a DR stack that Terraform can plan and apply while eu-central-1 answers
/// nothing. It may name the primary region as a value (the failback's target), but no endpoint, ARN or bucket there.
/// </summary>
public sealed partial class PrimaryRegionDownTests : IDisposable
{
    private readonly EnvironmentFolder environments = new();
    private readonly string outdir = Directory.CreateTempSubdirectory("srp-primary-down-").FullName;
    private readonly TerraformJson dr;

    public PrimaryRegionDownTests()
    {
        // Automatic failover and peering on, so that what they would add in the primary region is seen to be left out.
        environments.Replace("platform.yaml", "automaticFailover: false", "automaticFailover: true").Replace("dr.yaml", "peerWithPrimary: false", "peerWithPrimary: true");
        PlatformApp.Build(environments.Load(), outdir, primaryRegionDown: true).Synth();
        dr = new TerraformJson(JsonNode.Parse(File.ReadAllText(Path.Combine(outdir, "stacks", "dr", "cdk.tf.json")))!.AsObject());
    }

    public void Dispose()
    {
        environments.Dispose();
        Directory.Delete(outdir, recursive: true);
    }

    [Fact]
    public void StateLivesInTheReplicaInTheStandbysRegionLockedByS3()
    {
        var backend = dr.Backend("s3");

        Assert.Equal("student-record-system-terraform-state-replica", (string?)backend["bucket"]);
        Assert.Equal("eu-west-1", (string?)backend["region"]);
        Assert.Equal("dr/terraform.tfstate", (string?)backend["key"]); // the replicated copy of the state written before the outage
        Assert.True((bool?)backend["use_lockfile"]);
        Assert.Null(backend["dynamodb_table"]);
        Assert.Equal("alias/student-record-system-shared-state-replica", (string?)backend["kms_key_id"]);
    }

    [Fact]
    public void NothingNamesAPrimaryRegionEndpointArnBucketOrProvider()
    {
        var text = dr.Root.ToJsonString();

        Assert.DoesNotMatch(PrimaryRegionArn(), text);
        Assert.DoesNotContain("eu-central-1.amazonaws.com", text);
        Assert.DoesNotContain("\"region\":\"eu-central-1\"", text); // no resource, data source or provider placed there
        Assert.All(dr.Providers, p => Assert.Equal("eu-west-1", (string?)p["region"]));
        Assert.DoesNotContain("student-record-system-production-assets", text);
        Assert.DoesNotContain("\"student-record-system-terraform-state\"", text);
        Assert.Empty(dr.Resources("aws_s3_bucket_replication_configuration"));
        Assert.DoesNotContain(dr.DataSources("aws_kms_alias"), a => ((string)a["name"]!).Contains("production", StringComparison.Ordinal));
        Assert.Empty(dr.Resources("aws_vpc_peering_connection"));
        Assert.Null(dr.Resource("aws_rds_cluster")["replication_source_identifier"]);
    }

    [Fact]
    public void TheRecoveryItselfStaysAndTheSummarySaysWhatWasLeftOutAndWhy()
    {
        Assert.Equal(2, dr.Resources("aws_sfn_state_machine").Count);
        // The alarm's events reach the standby only through the primary's bus: no rule for them; the drill report's stays.
        Assert.DoesNotContain(dr.Resources("aws_cloudwatch_event_rule"), r => ((string)r["event_pattern"]!).Contains("aws.cloudwatch", StringComparison.Ordinal));
        var summary = StackSummary.Render("dr", dr.Root, []);

        Assert.Contains("## Written with the primary region down", summary);
        foreach (var reason in RegionalStack.LeftOutWhilePrimaryIsDown) Assert.Contains($"- {reason}", summary);
    }

    [Fact]
    public void ProductionIsWrittenAsUsual()
    {
        var production = File.ReadAllText(Path.Combine(outdir, "stacks", "production", "cdk.tf.json"));

        Assert.Contains("\"dynamodb_table\": \"student-record-system-terraform-locks\"", production);
    }

    [GeneratedRegex(@"arn:[^""]*:eu-central-1:")]
    private static partial Regex PrimaryRegionArn();
}
