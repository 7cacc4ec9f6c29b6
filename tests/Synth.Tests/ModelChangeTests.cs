using System.Text.Json.Nodes;
namespace StudentRecords.Synth.Tests;

/// <summary>Changing one value in an environment file changes exactly the resources it should.</summary>
[Collection(SynthCollection.Name)]
public sealed class ModelChangeTests
{
    [Fact]
    public void SingleNatModeGivesOneGatewayAndOneSharedPrivateRoute()
    {
        var production = PlatformVariant.Synthesize(env => env.Replace("production.yaml", "natGateways: per-az", "natGateways: single"))["production"];

        Assert.Single(production.Resources("aws_nat_gateway"));
        Assert.Single(production.Resources("aws_route"), r => r["nat_gateway_id"] is not null);
        Assert.Single(production.Resources("aws_route_table"), t => ((string)t["tags"]!["Name"]!).EndsWith("-private"));
    }

    [Fact]
    public void GlobalReplicationJoinsBothClustersToOneGlobalDatabase()
    {
        var stacks = PlatformVariant.Synthesize(env =>
        {
            foreach (var file in new[] { "production.yaml", "dr.yaml" })
                env.Replace(file, "replication: binlog", "replication: global").Replace(file, "instanceClass: db.t3.large", "instanceClass: db.r6g.large");
        });
        var production = stacks["production"];
        var dr = stacks["dr"];

        var global = production.Resource("aws_rds_global_cluster");
        Assert.Equal("student-record-system-global", (string?)global["global_cluster_identifier"]);
        Assert.Equal(production.ReferenceTo("aws_rds_global_cluster", global, "id"), (string?)production.Resource("aws_rds_cluster")["global_cluster_identifier"]);
        Assert.Equal("student-record-system-global", (string?)dr.Resource("aws_rds_cluster")["global_cluster_identifier"]);
        Assert.Null(dr.Resource("aws_rds_cluster")["replication_source_identifier"]);
        Assert.Empty(dr.Resources("aws_rds_global_cluster"));
        // No binlog without a binlog replica; Performance Insights where the class supports it.
        Assert.DoesNotContain(production.Resource("aws_rds_cluster_parameter_group")["parameter"]!.AsArray(), p => (string?)p!["name"] == "binlog_format");
        Assert.All(production.Resources("aws_rds_cluster_instance"), i => Assert.True((bool?)i["performance_insights_enabled"]));
    }

    [Fact]
    public void PublicIpEgressPutsTasksInPublicSubnetsWithoutEndpoints()
    {
        var dr = PlatformVariant.Synthesize(env => env.Replace("dr.yaml", "taskEgress: vpc-endpoints", "taskEgress: public-ip"))["dr"];

        var network = dr.Resource("aws_ecs_service")["network_configuration"]!;
        Assert.True((bool?)network["assign_public_ip"]);
        var subnets = network["subnets"]!.AsArray().Select(s => dr.Referenced((string)s!)).ToList();
        Assert.All(subnets, s => Assert.Equal("public", (string?)s["tags"]!["Tier"]));
        Assert.DoesNotContain(dr.Resources("aws_vpc_endpoint"), e => (string?)e["vpc_endpoint_type"] == "Interface");
    }

    [Fact]
    public void ChangingTheDrCidrChangesOnlyDrNetworkAddresses()
    {
        var stacks = PlatformVariant.Synthesize(env => env
            .Replace("dr.yaml", "vpcCidr: 10.3.0.0/16", "vpcCidr: 10.4.0.0/16")
            .Replace("dr.yaml", "[10.3.1.0/24, 10.3.2.0/24]", "[10.4.1.0/24, 10.4.2.0/24]")
            .Replace("dr.yaml", "[10.3.10.0/24, 10.3.20.0/24]", "[10.4.10.0/24, 10.4.20.0/24]"));

        Assert.Equal("10.4.0.0/16", (string?)stacks["dr"].Resource("aws_vpc")["cidr_block"]);
        Assert.All(stacks["dr"].Resources("aws_subnet"), s => Assert.StartsWith("10.4.", (string?)s["cidr_block"]));
        Assert.Equal("10.2.0.0/16", (string?)stacks["production"].Resource("aws_vpc")["cidr_block"]);
    }

    [Fact]
    public void WithoutADomainTheAlbListensOnHttpFromCloudFrontAndNoCertificateIsMade()
    {
        var production = PlatformVariant.Synthesize(env => env
            .Replace("platform.yaml", "domain:                        # optional", "# domain:")
            .Replace("platform.yaml", "  name: records.example.org", "#")
            .Replace("platform.yaml", "  hostedZoneId: Z0123456789EXAMPLE", "#"))["production"];

        Assert.Empty(production.Resources("aws_acm_certificate"));
        Assert.Empty(production.Resources("aws_route53_record"));
        Assert.Equal(80, (int?)production.Resource("aws_lb_listener")["port"]);
        Assert.Single(production.Resources("aws_vpc_security_group_ingress_rule"), r => (int?)r["from_port"] == 80 && r["prefix_list_id"] is not null);
        Assert.Single((JsonArray)production.Resource("aws_lb")["security_groups"]!); // no Route 53 health checks without a domain, so no group for them
    }

    [Fact]
    public void WithoutADomainTheEdgeReachesTheAlbsByTheirAwsNamesOverHttp()
    {
        var edge = PlatformVariant.Synthesize(env => env
            .Replace("platform.yaml", "domain:                        # optional", "# domain:")
            .Replace("platform.yaml", "  name: records.example.org", "#")
            .Replace("platform.yaml", "  hostedZoneId: Z0123456789EXAMPLE", "#"))["edge"];
        var distribution = edge.Resource("aws_cloudfront_distribution");

        Assert.Empty(edge.Resources("aws_route53_record"));
        Assert.Empty(edge.Resources("aws_acm_certificate"));
        Assert.True((bool?)distribution["viewer_certificate"]!["cloudfront_default_certificate"]);
        Assert.All(distribution["origin"]!.AsArray(), o =>
        {
            Assert.Equal("http-only", (string?)o!["custom_origin_config"]!["origin_protocol_policy"]);
            Assert.StartsWith("${data.aws_lb.", (string?)o["domain_name"]);
        });
        Assert.Equal("production", (string?)distribution["ordered_cache_behavior"]![0]!["target_origin_id"]);
    }

    [Fact]
    public void PeeringConnectsTheStandbyToThePrimaryWithRoutesAndNetworkAclsBothWays()
    {
        var stacks = PlatformVariant.Synthesize(env => env.Replace("dr.yaml", "peerWithPrimary: false", "peerWithPrimary: true"));
        var dr = stacks["dr"];
        var production = stacks["production"];

        var peering = dr.Resource("aws_vpc_peering_connection");
        Assert.Equal("eu-central-1", (string?)peering["peer_region"]);
        Assert.Equal("eu-central-1", (string?)dr.Resource("aws_vpc_peering_connection_accepter")["region"]);
        Assert.True((bool?)dr.Resource("aws_vpc_peering_connection_accepter")["auto_accept"]);
        Assert.Single(dr.Resources("aws_route"), r => (string?)r["destination_cidr_block"] == "10.2.0.0/16" && r["vpc_peering_connection_id"] is not null);
        var back = Assert.Single(dr.Resources("aws_route"), r => (string?)r["destination_cidr_block"] == "10.3.0.0/16");
        Assert.Equal("eu-central-1", (string?)back["region"]);
        Assert.NotNull(back["for_each"]);
        Assert.Contains(dr.Resources("aws_network_acl_rule"), r => (string?)r["cidr_block"] == "10.2.0.0/16" && (bool?)r["egress"] == false);
        Assert.Contains(production.Resources("aws_network_acl_rule"), r => (string?)r["cidr_block"] == "10.3.0.0/16" && (bool?)r["egress"] == false);
    }

    [Fact]
    public void WithoutPeeringNoPeerIsAdmitted()
    {
        var production = PlatformVariant.Synthesize(_ => { })["production"];

        Assert.DoesNotContain(production.Resources("aws_network_acl_rule"), r => (string?)r["cidr_block"] == "10.3.0.0/16");
        Assert.Empty(production.Resources("aws_vpc_peering_connection"));
    }
}
