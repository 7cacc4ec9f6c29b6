using System.Text.Json.Nodes;
using HashiCorp.Cdktf.Providers.Aws.Subnet;
using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>NetworkAcls promises a public tier open to HTTP(S), the VPC and return traffic, a private tier open to the VPC, peers and return traffic, and no administration port open to the internet.</summary>
public sealed class NetworkAclsSpec
{
    private const string VpcCidr = "10.0.0.0/16";

    private static TerraformJson Acls(IReadOnlyList<string> peerCidrs) =>
        ConstructSpec.Synth(stack =>
        {
            Subnet Subnet(string id, string cidr) => new(stack, id, new SubnetConfig { VpcId = "vpc-spec", CidrBlock = cidr });
            new NetworkAcls(stack, "acls", new NetworkAclsConfig
            {
                Name = "spec-production",
                VpcId = "vpc-spec",
                VpcCidr = VpcCidr,
                PublicSubnets = [Subnet("public-a", "10.0.0.0/24"), Subnet("public-b", "10.0.1.0/24")],
                PrivateSubnets = [Subnet("private-a", "10.0.10.0/24")],
                PeerCidrs = peerCidrs,
            });
        });

    private static JsonObject Acl(TerraformJson stack, string tier) =>
        Assert.Single(stack.Resources("aws_network_acl"), a => (string?)a["tags"]!["Name"] == $"spec-production-{tier}");

    private static List<JsonObject> Ingress(TerraformJson stack, string tier)
    {
        var acl = stack.ReferenceTo("aws_network_acl", Acl(stack, tier), "id");
        return [.. stack.Resources("aws_network_acl_rule").Where(r => (string?)r["network_acl_id"] == acl && !(bool)r["egress"]!)];
    }

    private static bool Admits(JsonObject rule, string cidr, int port) =>
        (string?)rule["cidr_block"] == cidr && (string?)rule["rule_action"] == "allow"
        && ((string?)rule["protocol"] == "-1" || ((int)rule["from_port"]! <= port && port <= (int)rule["to_port"]!));

    [Fact]
    public void Each_tier_covers_its_own_subnets()
    {
        var stack = Acls([]);
        Assert.Equal(["${aws_subnet.public-a.id}", "${aws_subnet.public-b.id}"], Acl(stack, "public")["subnet_ids"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["${aws_subnet.private-a.id}"], Acl(stack, "private")["subnet_ids"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void The_public_tier_admits_https_and_http_from_the_internet_and_the_private_tier_does_not()
    {
        var stack = Acls([]);
        var publicRules = Ingress(stack, "public");
        Assert.Contains(publicRules, r => Admits(r, "0.0.0.0/0", 443) && (int)r["from_port"]! == 443);
        Assert.Contains(publicRules, r => Admits(r, "0.0.0.0/0", 80) && (int)r["from_port"]! == 80);
        Assert.DoesNotContain(Ingress(stack, "private"), r => Admits(r, "0.0.0.0/0", 443) || Admits(r, "0.0.0.0/0", 80));
    }

    [Fact]
    public void Both_tiers_admit_the_vpc_and_return_traffic_but_no_administration_port_from_the_internet()
    {
        var stack = Acls([]);
        foreach (var tier in new[] { "public", "private" })
        {
            var rules = Ingress(stack, tier);
            Assert.Contains(rules, r => Admits(r, VpcCidr, 3306) && (string?)r["protocol"] == "-1");
            Assert.Contains(rules, r => Admits(r, "0.0.0.0/0", 1024));
            Assert.Contains(rules, r => Admits(r, "0.0.0.0/0", 65535));
            foreach (var administration in new[] { 22, 3389 })
                Assert.DoesNotContain(rules, r => Admits(r, "0.0.0.0/0", administration));
        }
    }

    [Fact]
    public void Peered_vpcs_are_admitted_into_the_private_tier_only()
    {
        var peers = new[] { "10.1.0.0/16", "10.2.0.0/16" };
        var stack = Acls(peers);
        foreach (var peer in peers)
        {
            Assert.Single(Ingress(stack, "private"), r => Admits(r, peer, 3306));
            Assert.DoesNotContain(Ingress(stack, "public"), r => Admits(r, peer, 3306));
        }
        Assert.DoesNotContain(Ingress(Acls([]), "private"), r => Admits(r, "10.1.0.0/16", 3306));
    }
}
