using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>PrimaryPeering promises a peering from the standby's VPC to the primary's (found by its Name tag), accepted in the primary region, with routes both ways through the private route tables.</summary>
public sealed class PrimaryPeeringSpec
{
    private const string PrimaryRegion = "eu-west-1";

    private static TerraformJson Peering(IReadOnlyList<string> routeTables) =>
        ConstructSpec.Synth(stack => new PrimaryPeering(stack, "peering", new PrimaryPeeringConfig
        {
            Name = "spec-dr",
            VpcId = "vpc-dr",
            VpcCidr = "10.1.0.0/16",
            PrivateRouteTableIds = routeTables,
            PrimaryName = "spec-production",
            PrimaryRegion = PrimaryRegion,
            PrimaryVpcCidr = "10.0.0.0/16",
        }));

    [Fact]
    public void Requests_peering_with_the_primarys_vpc_found_by_its_name_and_accepts_it_in_the_primary_region()
    {
        var stack = Peering(["rtb-dr-a"]);
        var primaryVpc = stack.DataSources("aws_vpc").Single();
        Assert.Equal(PrimaryRegion, (string?)primaryVpc["region"]);
        Assert.Equal("10.0.0.0/16", (string?)primaryVpc["cidr_block"]);
        Assert.Equal("spec-production-vpc", (string?)primaryVpc["tags"]!["Name"]);
        var peering = stack.Resource("aws_vpc_peering_connection");
        Assert.Equal("vpc-dr", (string?)peering["vpc_id"]);
        Assert.Equal(stack.DataReferenceTo("aws_vpc", "id"), (string?)peering["peer_vpc_id"]);
        Assert.Equal(PrimaryRegion, (string?)peering["peer_region"]);
        Assert.False((bool)peering["auto_accept"]!);
        var accepter = stack.Resource("aws_vpc_peering_connection_accepter");
        Assert.Equal(PrimaryRegion, (string?)accepter["region"]);
        Assert.Equal(stack.ReferenceTo("aws_vpc_peering_connection", peering, "id"), (string?)accepter["vpc_peering_connection_id"]);
        Assert.True((bool)accepter["auto_accept"]!);
    }

    [Fact]
    public void Routes_the_primarys_cidr_through_the_peering_from_each_given_private_table()
    {
        var stack = Peering(["rtb-dr-a", "rtb-dr-b", "rtb-dr-c"]);
        var peering = stack.ReferenceTo("aws_vpc_peering_connection", stack.Resource("aws_vpc_peering_connection"), "id");
        var toPrimary = stack.Resources("aws_route").Where(r => r["for_each"] is null).ToList();
        Assert.Equal(["rtb-dr-a", "rtb-dr-b", "rtb-dr-c"], toPrimary.Select(r => (string)r["route_table_id"]!).Order());
        Assert.All(toPrimary, route =>
        {
            Assert.Equal("10.0.0.0/16", (string?)route["destination_cidr_block"]);
            Assert.Equal(peering, (string?)route["vpc_peering_connection_id"]);
            Assert.Null(route["region"]);
        });
        Assert.Single(Peering(["rtb-dr-a"]).Resources("aws_route"), r => r["for_each"] is null);
    }

    [Fact]
    public void Routes_the_standbys_cidr_back_from_every_private_table_of_the_primary()
    {
        var stack = Peering(["rtb-dr-a"]);
        var tables = stack.DataSources("aws_route_tables").Single();
        Assert.Equal(PrimaryRegion, (string?)tables["region"]);
        Assert.Equal(stack.DataReferenceTo("aws_vpc", "id"), (string?)tables["vpc_id"]);
        var filter = tables["filter"]![0]!;
        Assert.Equal("tag:Name", (string?)filter["name"]);
        Assert.Equal(["spec-production-private*"], filter["values"]!.AsArray().Select(v => (string)v!));
        var back = Assert.Single(stack.Resources("aws_route"), r => r["for_each"] is not null);
        Assert.Contains(stack.DataReferenceTo("aws_route_tables", "ids").Trim('$', '{', '}'), (string)back["for_each"]!, StringComparison.Ordinal);
        Assert.Equal(PrimaryRegion, (string?)back["region"]);
        Assert.Equal("10.1.0.0/16", (string?)back["destination_cidr_block"]);
        Assert.Equal(stack.ReferenceTo("aws_vpc_peering_connection", stack.Resource("aws_vpc_peering_connection"), "id"), (string?)back["vpc_peering_connection_id"]);
    }
}
