using System.Text.Json.Nodes;
using StudentRecords.Synth.Review;

namespace StudentRecords.Synth.Tests;

/// <summary>The semantic diff on small hand-written stacks, where the right answer is known.</summary>
public sealed class StackDiffTests
{
    private static JsonObject Stack(string resources) => JsonNode.Parse($$"""{ "resource": {{{resources}}}, "terraform": { "backend": { "s3": { "key": "x" } } } }""")!.AsObject();

    private const string Before = """
        "aws_vpc": { "net": { "//": { "metadata": { "path": "a/net" } }, "cidr_block": "10.2.0.0/16", "tags": { "Name": "a" } } },
        "aws_eip": { "nat-1": { "domain": "vpc" } },
        "aws_lb": { "alb": { "idle_timeout": 60, "subnets": ["s1", "s2"] } }
        """;

    private const string After = """
        "aws_vpc": { "net": { "//": { "metadata": { "path": "b/net" } }, "cidr_block": "10.4.0.0/16", "tags": { "Name": "a" } } },
        "aws_nat_gateway": { "nat-2": { "subnet_id": "s2" } },
        "aws_lb": { "alb": { "idle_timeout": 120, "subnets": ["s1"] } }
        """;

    [Fact]
    public void NamesAddedRemovedAndChangedResourcesWithPathsValuesAndReplacements()
    {
        var changes = StackDiff.Compare("production", Stack(Before), Stack(After));

        Assert.Equal(["aws_nat_gateway.nat-2"], changes.Added);
        Assert.Equal(["aws_eip.nat-1"], changes.Removed);
        Assert.Equal(["aws_lb.alb", "aws_vpc.net"], changes.Changed.Keys);
        Assert.Equal(new AttributeChange("cidr_block", "\"10.2.0.0/16\"", "\"10.4.0.0/16\"", ForcesReplacement: true), Assert.Single(changes.Changed["aws_vpc.net"]));
        Assert.Equal(
            [new AttributeChange("idle_timeout", "60", "120", false), new AttributeChange("subnets[1]", "\"s2\"", null, false)],
            changes.Changed["aws_lb.alb"]);
        Assert.Equal(["aws_vpc.net"], changes.Replaced);
    }

    [Fact]
    public void ADocumentInAStringAttributeIsComparedInside()
    {
        static JsonObject Machine(int count, string name)
        {
            var definition = new JsonObject { ["States"] = new JsonObject { ["Raise"] = new JsonObject { ["DesiredCount"] = count, ["Type"] = "Task" } } };
            var machine = new JsonObject { ["name"] = name, ["definition"] = definition.ToJsonString() };
            return new JsonObject { ["resource"] = new JsonObject { ["aws_sfn_state_machine"] = new JsonObject { ["failover"] = machine } } };
        }

        var inside = StackDiff.Compare("dr", Machine(2, "a"), Machine(3, "a"));
        Assert.Equal(new AttributeChange("definition » States.Raise.DesiredCount", "2", "3", ForcesReplacement: false), Assert.Single(inside.Changed["aws_sfn_state_machine.failover"]));

        var notJson = StackDiff.Compare("dr", Machine(2, "{a"), Machine(2, "{b"));
        Assert.Equal(new AttributeChange("name", "\"{a\"", "\"{b\"", ForcesReplacement: false), Assert.Single(notJson.Changed["aws_sfn_state_machine.failover"]));
    }

    [Fact]
    public void ValuesAreShownAsWrittenNotEscaped()
    {
        var changes = StackDiff.Compare("dr", Stack("""
            "aws_lambda_function": { "f": { "source_code_hash": "a+b/c=", "description": "x" } }
            """), Stack("""
            "aws_lambda_function": { "f": { "source_code_hash": "d+e/f=", "description": "<é & \"q\">" } }
            """));

        Assert.Equal(
            [new AttributeChange("description", "\"x\"", "\"<é & \\\"q\\\">\"", false), new AttributeChange("source_code_hash", "\"a+b/c=\"", "\"d+e/f=\"", false)],
            changes.Changed["aws_lambda_function.f"]);
    }

    [Fact]
    public void MetadataAloneIsNoChangeAndAnIdenticalStackHasNone()
    {
        var changes = StackDiff.Compare("dr", Stack(Before), Stack(Before.Replace("a/net", "renamed/path")));

        Assert.False(changes.Any);
        Assert.Equal("dr: 0 added, 0 removed, 0 changed\n", DiffReport.Render(changes).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ReportFlagsWhatTerraformWillDestroy()
    {
        var report = DiffReport.Render(StackDiff.Compare("production", Stack(Before), Stack(After)));

        Assert.Contains("production: 1 added, 1 removed, 2 changed; 2 DESTROYED", report);
        Assert.Contains("  + aws_nat_gateway.nat-2", report);
        Assert.Contains("  - aws_eip.nat-1", report);
        Assert.Contains("  ~ aws_vpc.net   [REPLACED]", report);
        Assert.Contains("      cidr_block: \"10.2.0.0/16\" → \"10.4.0.0/16\"   [forces replacement]", report);
        Assert.Contains("      idle_timeout: 60 → 120", report);
    }

    [Fact]
    public void BackendChangesAreReported()
    {
        var after = Stack(Before);
        after["terraform"]!["backend"]!["s3"]!["key"] = "y";

        var changes = StackDiff.Compare("dr", Stack(Before), after);

        Assert.Equal(new AttributeChange("backend.s3.key", "\"x\"", "\"y\"", false), Assert.Single(changes.Changed["(terraform)"]));
    }
}
