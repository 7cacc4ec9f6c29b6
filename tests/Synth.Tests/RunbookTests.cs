using StudentRecords.Model;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Review;
using StudentRecords.Synth.Tests.Snapshots;

namespace StudentRecords.Synth.Tests;

/// <summary>The runbooks: committed, current, and naming exactly what the stacks create.</summary>
[Collection(SynthCollection.Name)]
public sealed class RunbookTests(SynthesizedPlatform platform)
{
    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void RunbookMatchesItsCommittedCopy(string environment) =>
        SnapshotAssert.Matches($"runbook-{environment}.md", Runbook.Render(platform.Model, platform.Model.Environments.Single(e => e.Name == environment)));

    [Fact]
    public void DrRunbookPromotesTheClusterTheStackCreatesAndScalesTheServiceItRuns()
    {
        var dr = platform.Model.Standbys[0];
        var runbook = Runbook.Render(platform.Model, dr);
        var stack = platform.Stack("dr");

        Assert.Contains($"promote-read-replica-db-cluster --region eu-west-1 --db-cluster-identifier {stack.Resource("aws_rds_cluster")["cluster_identifier"]}", runbook);
        Assert.Contains($"--cluster {stack.Resource("aws_ecs_cluster")["name"]} --service {stack.Resource("aws_ecs_service")["name"]} --desired-count 2", runbook);
        Assert.Contains(stack.Resources("aws_ssm_parameter").Select(p => (string)p["name"]!).Single(n => n.EndsWith("/target-group-arn")), runbook);
        Assert.Contains("AuroraBinlogReplicaLag", runbook);
        Assert.DoesNotContain("failover-global-cluster", runbook);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void RunbookFindsTheFailedSignInsTheAlarmCounts(string environment)
    {
        var runbook = Runbook.Render(platform.Model, platform.Model.Environments.Single(e => e.Name == environment));
        var stack = platform.Stack(environment);
        var filter = Assert.Single(stack.Resources("aws_cloudwatch_log_metric_filter"), f => ((string)f["name"]!).EndsWith("-failed-sign-ins"));
        var logGroup = (string)stack.Referenced((string)filter["log_group_name"]!)["name"]!;

        Assert.Contains($"--log-group-name {logGroup} \\\n  --filter-pattern '{filter["pattern"]}'", runbook);
    }

    [Fact]
    public void GlobalModeRunbookUsesSwitchoverAndFailoverOfTheGlobalCluster()
    {
        using var env = new EnvironmentFolder();
        foreach (var file in new[] { "production.yaml", "dr.yaml" })
            env.Replace(file, "replication: binlog", "replication: global").Replace(file, "instanceClass: db.t3.large", "instanceClass: db.r6g.large");
        var model = env.Load();

        var runbook = Runbook.Render(model, model.Standbys[0]);

        Assert.Contains("switchover-global-cluster --region eu-west-1 --global-cluster-identifier student-record-system-global", runbook);
        Assert.Contains("--allow-data-loss", runbook);
        Assert.Contains("AuroraGlobalDBReplicationLag", runbook);
        Assert.DoesNotContain("promote-read-replica-db-cluster", runbook);
    }

    [Fact]
    public void StandbyRunbookSaysHowToManageItWithThePrimaryRegionDownAndHowToComeBack()
    {
        var model = ModelLoader.Load(RepositoryPaths.Environments);
        var runbook = Runbook.Render(model, model.Standbys[0]);
        var section = runbook[runbook.IndexOf("## Primary region down", StringComparison.Ordinal)..];

        Assert.True(section.IndexOf("synth/run.sh --primary-region-down", StringComparison.Ordinal) < section.IndexOf("terraform init -reconfigure", StringComparison.Ordinal));
        Assert.Contains("terraform init -migrate-state", section);
        Assert.Contains(model.Platform.State.Bucket, section);
        Assert.DoesNotContain("## Primary region down", Runbook.Render(model, model.Primary));
    }
}
