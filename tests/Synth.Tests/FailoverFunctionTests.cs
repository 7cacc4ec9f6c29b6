using System.IO.Compression;
using System.Security.Cryptography;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>The failover orchestrator is deployed in the standby with the model's settings and exact permissions.</summary>
[Collection(SynthCollection.Name)]
public sealed class FailoverFunctionTests(SynthesizedPlatform platform)
{
    private readonly TerraformJson dr = platform.Stack("dr");

    [Fact]
    public void RunsInTheStandbyOnlyOneAtATimeEncryptedAndTraced()
    {
        var function = dr.Resource("aws_lambda_function");

        Assert.Empty(platform.Stack("production").Resources("aws_lambda_function"));
        Assert.Equal("nodejs22.x", (string?)function["runtime"]);
        Assert.Equal("index.handler", (string?)function["handler"]);
        Assert.Equal(1, (int?)function["reserved_concurrent_executions"]);
        Assert.StartsWith("${aws_kms_key.", (string?)function["kms_key_arn"]);
        Assert.Equal("Active", (string?)function["tracing_config"]!["mode"]);
        Assert.StartsWith("assets/", (string?)function["filename"]);
    }

    [Fact]
    public void DeploysAPackageOfTheOrchestratorsSourceWithItsSha256()
    {
        var function = dr.Resource("aws_lambda_function");
        var package = File.ReadAllBytes(Path.Combine(platform.Outdir, "stacks", "dr", (string)function["filename"]!));
        var source = Path.Combine(RepositoryPaths.Root, "synth", "Lambda", "failover");

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(package)), (string?)function["source_code_hash"]);
        using var zip = new ZipArchive(new MemoryStream(package));
        Assert.Equal(Directory.GetFiles(source).Select(Path.GetFileName).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(source, entry.FullName)), reader.ReadToEnd());
        }
    }

    [Fact]
    public void SettingsComeFromTheModelAndNameWhatTheStacksCreate()
    {
        var variables = dr.Resource("aws_lambda_function")["environment"]!["variables"]!;
        var production = platform.Model.Primary;

        Assert.Equal("binlog", (string?)variables["REPLICATION_MODE"]);
        Assert.Equal((string?)dr.Resource("aws_rds_cluster")["cluster_identifier"], (string?)variables["STANDBY_CLUSTER"]);
        Assert.Equal(production.Service.DesiredCount.ToString(), (string?)variables["DESIRED_COUNT"]);
        Assert.Equal(production.Service.Autoscaling.Min.ToString(), (string?)variables["MIN_CAPACITY"]);
        Assert.Equal(dr.ReferenceTo("aws_sns_topic", dr.Resource("aws_sns_topic"), "arn"), (string?)variables["TOPIC_ARN"]);
        Assert.Equal("/student-record-system/active-region", (string?)variables["ACTIVE_REGION_PARAMETER"]);
    }

    [Fact]
    public void PermissionsNameTheStandbyServiceClusterParameterAndTopic()
    {
        var document = dr.DataSources("aws_iam_policy_document").Single(d => d.ToJsonString().Contains("PromoteTheStandbyDatabase"));
        var statements = document["statement"]!.AsArray().ToDictionary(s => (string)s!["sid"]!, s => s!["resources"]!.AsArray().Select(r => (string)r!).ToList());

        Assert.EndsWith(":cluster:student-record-system-dr-aurora", Assert.Single(statements["PromoteTheStandbyDatabase"]));
        Assert.EndsWith(":service/student-record-system-dr/student-record-system-dr", Assert.Single(statements["ScaleTheStandbyService"]));
        Assert.Equal([":parameter/student-record-system/active-region", ":parameter/student-record-system/last-drill"],
            statements["RecordTheActiveRegion"].Select(r => r[r.IndexOf(":parameter/", StringComparison.Ordinal)..]));
        Assert.StartsWith("${aws_sns_topic.", Assert.Single(statements["Notify"]));
        Assert.DoesNotContain("MoveTheGlobalWriter", statements.Keys); // binlog mode
    }

    [Fact]
    public void NoAutomaticTriggerUnlessTheModelSwitchesItOn() =>
        Assert.Empty(dr.Resources("aws_cloudwatch_event_rule"));

    [Fact]
    public void AutomaticFailoverForwardsThePrimarysUnhealthyAlarmToTheStandbyAndInvokesTheFailover()
    {
        var drStack = PlatformVariant.Synthesize(env => env.Replace("platform.yaml", "automaticFailover: false", "automaticFailover: true"))["dr"];
        var rules = drStack.Resources("aws_cloudwatch_event_rule");
        var targets = drStack.Resources("aws_cloudwatch_event_target");

        var inPrimary = Assert.Single(rules, r => (string?)r["region"] == "eu-central-1");
        Assert.Contains("student-record-system-production-unhealthy", (string?)inPrimary["event_pattern"]);
        Assert.Contains("\"ALARM\"", (string?)inPrimary["event_pattern"]);
        var forward = Assert.Single(targets, t => ((string)t["arn"]!).Contains(":events:eu-west-1:") && ((string)t["arn"]!).EndsWith(":event-bus/default"));
        Assert.Equal("eu-central-1", (string?)forward["region"]);
        var invoke = Assert.Single(targets, t => ((string)t["arn"]!).StartsWith("${aws_lambda_function."));
        Assert.Equal("{\"action\":\"failover\",\"primaryReachable\":false}", (string?)invoke["input"]);
        Assert.Equal("events.amazonaws.com", (string?)drStack.Resource("aws_lambda_permission")["principal"]);
    }
}
