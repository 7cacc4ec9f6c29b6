using StudentRecords.Synth.Review;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// The reviewer summaries' diagrams follow the stacks: a model change shows in the picture. (That each
/// diagram parses is checked with Mermaid's own parser in tests/diagrams.)
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class TopologyDiagramTests(SynthesizedPlatform platform)
{
    private string Diagram(string stack) => TopologyDiagram.For(platform.Stack(stack).Root)!;

    [Fact]
    public void ProductionShowsEachZoneItsSubnetsAndItsNatGateway()
    {
        var diagram = Diagram("production");

        Assert.Contains("subgraph vpc[\"VPC 10.2.0.0/16\"]", diagram);
        foreach (var (zone, cidrs) in new[] { ("eu-central-1a", new[] { "10.2.1.0/24", "10.2.10.0/24" }), ("eu-central-1b", new[] { "10.2.2.0/24", "10.2.20.0/24" }) })
        {
            var block = diagram[diagram.IndexOf($"[\"{zone}\"]", StringComparison.Ordinal)..];
            block = block[..block.IndexOf("end", StringComparison.Ordinal)];
            Assert.All(cidrs, cidr => Assert.Contains(cidr, block));
            Assert.Single(block.Split('\n'), line => line.Contains("NAT gateway", StringComparison.Ordinal));
        }
        Assert.Contains("ecr -. replicates .-> ecr_eu_west_1[\"ECR in eu-west-1\"]", diagram);
    }

    [Fact]
    public void PilotLightShowsNoNatItsEndpointsItsReplicationAndTheFailover()
    {
        var diagram = Diagram("dr");

        Assert.DoesNotContain("NAT gateway", diagram);
        Assert.Contains("endpoint ssmmessages", diagram);
        Assert.Contains("Aurora student-record-system-production-aurora in eu-central-1\")] == binlog replication ==> aurora", diagram);
        Assert.Contains("S3 student-record-system-production-assets\")] -. replicates .->", diagram);
        Assert.Contains("failover -. promotes .-> aurora", diagram);
    }

    [Fact]
    public void EdgeShowsTheOriginGroupAndTheDnsFailover()
    {
        var diagram = Diagram("edge");

        Assert.Contains("cdn -- primary --> origin_production", diagram);
        Assert.Contains("cdn -- on 500/502/503/504 --> origin_dr", diagram);
        Assert.Contains("origin_failover --> dns_origin_records_example_org", diagram);
        Assert.Contains("dns_origin_records_example_org -- PRIMARY --> origin_production", diagram);
        Assert.Contains("dns_origin_records_example_org -- SECONDARY --> origin_dr", diagram);
    }

    [Fact]
    public void ModelChangesShowInThePicture()
    {
        var stacks = PlatformVariant.Synthesize(env =>
        {
            env.Replace("production.yaml", "natGateways: per-az", "natGateways: single"); // none needs another task egress
            foreach (var file in new[] { "production.yaml", "dr.yaml" })
                env.Replace(file, "replication: binlog", "replication: global").Replace(file, "instanceClass: db.t3.large", "instanceClass: db.r6g.large");
        });

        var production = TopologyDiagram.For(stacks["production"].Root)!;
        var dr = TopologyDiagram.For(stacks["dr"].Root)!;
        Assert.Single(production.Split('\n'), line => line.Contains("NAT gateway", StringComparison.Ordinal));
        Assert.Contains("{{\"global database student-record-system-global\"}} == storage replication ==> aurora", dr);
        Assert.DoesNotContain("binlog replication", dr);
    }

    [Fact]
    public void TheSameStackGivesTheSameDiagram() =>
        Assert.Equal(Diagram("dr"), TopologyDiagram.For(System.Text.Json.Nodes.JsonNode.Parse(platform.StackText("dr"))!.AsObject()));
}
