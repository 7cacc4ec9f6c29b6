using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>Network promises a VPC with a public and a private subnet per zone, NAT gateways as the model says with one private table per gateway's zone, a closed default group, an S3 gateway endpoint, and interface endpoints and flow logs only when asked.</summary>
public sealed class NetworkSpec
{
    private static readonly Model.NetworkSpec Spec = new()
    {
        VpcCidr = "10.0.0.0/16",
        PublicSubnets = ["10.0.0.0/24", "10.0.1.0/24"],
        PrivateSubnets = ["10.0.10.0/24", "10.0.11.0/24"],
        NatGateways = NatMode.PerAz,
        TaskEgress = TaskEgress.Nat,
        FlowLogs = true,
        PeerWithPrimary = false,
    };

    private static TerraformJson Vpc(Model.NetworkSpec spec) =>
        ConstructSpec.Synth(stack => new Network(stack, "network", new NetworkConfig
        {
            Name = "spec-production",
            Region = ConstructSpec.Region,
            Spec = spec,
            AvailabilityZones = ["eu-central-1a", "eu-central-1b"],
            KmsKeyArn = ConstructSpec.KmsKeyArn,
            LogRetentionDays = 90,
            PeerCidrs = [],
        }));

    private static string Tag(JsonObject resource, string key) => (string)resource["tags"]![key]!;

    [Fact]
    public void Has_a_public_and_a_private_subnet_per_zone_none_giving_public_ips_and_a_closed_default_group()
    {
        var stack = Vpc(Spec);
        var vpc = stack.Resource("aws_vpc");
        Assert.Equal("10.0.0.0/16", (string?)vpc["cidr_block"]);
        Assert.True((bool)vpc["enable_dns_hostnames"]!);
        var subnets = stack.Resources("aws_subnet");
        Assert.Equal([.. Spec.PublicSubnets, .. Spec.PrivateSubnets], subnets.Select(s => (string)s["cidr_block"]!).Order());
        foreach (var (tier, cidrs) in new[] { ("public", Spec.PublicSubnets), ("private", Spec.PrivateSubnets) })
            for (var i = 0; i < cidrs.Count; i++)
            {
                var subnet = Assert.Single(subnets, s => (string?)s["cidr_block"] == cidrs[i]);
                Assert.Equal(i == 0 ? "eu-central-1a" : "eu-central-1b", (string?)subnet["availability_zone"]);
                Assert.Equal(tier, Tag(subnet, "Tier"));
                Assert.False((bool)subnet["map_public_ip_on_launch"]!);
            }
        var closed = stack.Resource("aws_default_security_group");
        Assert.Null(closed["ingress"]);
        Assert.Null(closed["egress"]);
    }

    [Fact]
    public void Creates_nat_gateways_as_the_model_says()
    {
        foreach (var (mode, count) in new[] { (NatMode.None, 0), (NatMode.Single, 1), (NatMode.PerAz, 2) })
        {
            var stack = Vpc(Spec with { NatGateways = mode });
            Assert.Equal(count, stack.Resources("aws_nat_gateway").Count);
            Assert.Equal(count, stack.Resources("aws_eip").Count);
            var privateTables = stack.Resources("aws_route_table").Where(t => Tag(t, "Name").StartsWith("spec-production-private", StringComparison.Ordinal)).ToList();
            Assert.Equal(Math.Max(1, count), privateTables.Count);
            var natRoutes = stack.Resources("aws_route").Where(r => r["nat_gateway_id"] is not null).ToList();
            Assert.Equal(count, natRoutes.Count);
        }
    }

    [Fact]
    public void With_a_gateway_per_zone_each_private_subnet_leaves_through_its_own_zones_gateway()
    {
        var stack = Vpc(Spec);
        foreach (var (cidr, publicCidr) in Spec.PrivateSubnets.Zip(Spec.PublicSubnets))
        {
            var subnet = stack.ReferenceTo("aws_subnet", Assert.Single(stack.Resources("aws_subnet"), s => (string?)s["cidr_block"] == cidr), "id");
            var table = (string)Assert.Single(stack.Resources("aws_route_table_association"), a => (string?)a["subnet_id"] == subnet)["route_table_id"]!;
            var route = Assert.Single(stack.Resources("aws_route"), r => (string?)r["route_table_id"] == table);
            Assert.Equal("0.0.0.0/0", (string?)route["destination_cidr_block"]);
            var nat = stack.Referenced((string)route["nat_gateway_id"]!);
            Assert.Equal(publicCidr, (string?)stack.Referenced((string)nat["subnet_id"]!)["cidr_block"]);
        }
    }

    [Fact]
    public void Routes_s3_through_a_gateway_endpoint_from_every_table()
    {
        var stack = Vpc(Spec);
        var s3 = Assert.Single(stack.Resources("aws_vpc_endpoint"));
        Assert.Equal($"com.amazonaws.{ConstructSpec.Region}.s3", (string?)s3["service_name"]);
        Assert.Equal("Gateway", (string?)s3["vpc_endpoint_type"]);
        Assert.Equal(stack.Resources("aws_route_table").Select(t => stack.ReferenceTo("aws_route_table", t, "id")).Order(),
            s3["route_table_ids"]!.AsArray().Select(t => (string)t!).Order());
    }

    [Fact]
    public void Adds_interface_endpoints_and_flow_logs_only_when_the_model_asks()
    {
        var plain = Vpc(Spec with { FlowLogs = false });
        Assert.Empty(plain.Resources("aws_flow_log"));
        Assert.Single(plain.Resources("aws_vpc_endpoint"));

        var pilotLight = Vpc(Spec with { NatGateways = NatMode.None, TaskEgress = TaskEgress.VpcEndpoints });
        Assert.Single(pilotLight.Resources("aws_flow_log"));
        var interfaces = pilotLight.Resources("aws_vpc_endpoint").Where(e => (string?)e["vpc_endpoint_type"] == "Interface").ToList();
        Assert.Equal(InterfaceEndpoints.Services.Count, interfaces.Count);
        var privateSubnets = pilotLight.Resources("aws_subnet").Where(s => Tag(s, "Tier") == "private").Select(s => pilotLight.ReferenceTo("aws_subnet", s, "id")).Order();
        Assert.All(interfaces, e => Assert.Equal(privateSubnets, e["subnet_ids"]!.AsArray().Select(s => (string)s!).Order()));
    }
}
