using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Review;
using StudentRecords.Synth.Tests.Snapshots;

namespace StudentRecords.Synth.Tests;

/// <summary>The reviewer summaries beside the snapshots: committed, current, and saying what matters.</summary>
[Collection(SynthCollection.Name)]
public sealed class SummaryTests(SynthesizedPlatform platform)
{
    public static TheoryData<string> Stacks => [.. SynthesizedPlatform.StackNames];

    private static IReadOnlyList<string> CheckovSkips() =>
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".checkov.yaml"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- CKV", StringComparison.Ordinal))
            .Select(l => l[2..].Split(' ')[0])];

    private string Summary(string stack)
    {
        var cost = CostEstimate.For(platform.Model);
        var lines = cost.GetValueOrDefault(stack == "edge" ? CostEstimate.Global : stack);
        var budget = platform.Model.Standbys.Any(s => s.Name == stack) ? RecoveryBudget.For(platform.Model.Platform) : null;
        return StackSummary.Render(stack, JsonNode.Parse(platform.StackText(stack))!.AsObject(), CheckovSkips(), lines, budget);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void SummaryMatchesItsCommittedCopy(string stack) => SnapshotAssert.Matches($"{stack}.md", Summary(stack));

    [Fact]
    public void ProductionSummaryShowsTheModelsNumbersAndExposure()
    {
        var summary = Summary("production");

        Assert.Contains("| VPC | 10.2.0.0/16 |", summary);
        Assert.Contains("| private subnet eu-central-1b | 10.2.20.0/24 |", summary);
        Assert.Contains("| NAT gateways | 2 |", summary);
        Assert.Contains("| tasks (desired / min / max) | 2 / 2 / 10 |", summary);
        Assert.Contains("| instances | 2 × db.t3.large |", summary);
        Assert.Contains("| student-record-system-production-alb | 443 | prefix list com.amazonaws.global.cloudfront.origin-facing |", summary);
        Assert.Contains("| student-record-system-production-alb-health-checks | 443 | prefix list com.amazonaws.eu-central-1.route53-healthchecks |", summary);
        Assert.Contains("| student-record-system-production-database | 3306 | student-record-system-production-service |", summary);
        Assert.Contains("| S3 student-record-system-production-assets | KMS alias/student-record-system-production |", summary);
        Assert.Contains("CKV_AWS_18", summary);
        Assert.Contains("| NAT gateways | 2 × 730 h + 100 GB |", summary);
    }

    [Fact]
    public void DrSummaryShowsThePilotLight()
    {
        var summary = Summary("dr");

        Assert.Contains("| NAT gateways | 0 |", summary);
        Assert.Contains("| tasks (desired / min / max) | 0 / 0 / 10 |", summary);
        Assert.Contains("| replication | binlog replica of student-record-system-production-aurora in eu-central-1 |", summary);
        Assert.Contains("| VPC endpoints | ecr.api, ecr.dkr, logs, s3, secretsmanager, ssmmessages |", summary);
    }
}
