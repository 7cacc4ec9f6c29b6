using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Edge;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>FailoverDns promises a readiness health check per environment, a failover name that answers with the primary's ALB while its check passes and the secondary's otherwise, and the site aliased to CloudFront.</summary>
public sealed class FailoverDnsSpec
{
    private static readonly RegionalOrigin Production = new("production", "production.records.example.org", "production-alb.eu-central-1.elb.amazonaws.com", "Z-ALB-PRIMARY");
    private static readonly RegionalOrigin Dr = new("dr", "dr.records.example.org", "dr-alb.eu-west-1.elb.amazonaws.com", "Z-ALB-DR");

    private static readonly FailoverDnsConfig Config = new()
    {
        HostedZoneId = "Z-SPEC",
        SiteName = "records.example.org",
        FailoverName = "app.records.example.org",
        Primary = Production,
        Secondary = Dr,
        HealthPath = "/health/ready",
        CloudFrontDomainName = "d111111abcdef8.cloudfront.net",
        CloudFrontZoneId = "Z2FDTNDATAQYW2",
    };

    private static TerraformJson Dns(FailoverDnsConfig config) =>
        ConstructSpec.Synth(stack => new FailoverDns(stack, "dns", config));

    [Fact]
    public void Checks_each_environments_readiness_path_over_https_as_often_as_the_recovery_budget_counts_on()
    {
        var checks = Dns(Config with { HealthPath = "/ready" }).Resources("aws_route53_health_check");
        Assert.Equal(["dr.records.example.org", "production.records.example.org"], checks.Select(c => (string)c["fqdn"]!).Order());
        Assert.All(checks, check =>
        {
            Assert.Equal("HTTPS", (string?)check["type"]);
            Assert.Equal(443, (int)check["port"]!);
            Assert.Equal("/ready", (string?)check["resource_path"]);
            Assert.True((bool)check["enable_sni"]!);
            Assert.Equal(RecoveryBudget.HealthCheckIntervalSeconds, (int)check["request_interval"]!);
            Assert.Equal(RecoveryBudget.HealthCheckFailureThreshold, (int)check["failure_threshold"]!);
        });
    }

    [Fact]
    public void The_failover_name_answers_with_the_primarys_alb_while_its_check_passes_else_with_the_secondarys()
    {
        var stack = Dns(Config);
        var records = stack.Resources("aws_route53_record").Where(r => (string?)r["name"] == "app.records.example.org").ToList();
        Assert.Equal(2, records.Count);
        foreach (var (role, origin) in new[] { ("PRIMARY", Production), ("SECONDARY", Dr) })
        {
            var record = Assert.Single(records, r => (string?)r["failover_routing_policy"]!["type"] == role);
            Assert.Equal("Z-SPEC", (string?)record["zone_id"]);
            Assert.Equal(origin.Environment, (string?)record["set_identifier"]);
            Assert.Equal(origin.AlbDnsName, (string?)record["alias"]!["name"]);
            Assert.Equal(origin.AlbZoneId, (string?)record["alias"]!["zone_id"]);
            Assert.True((bool)record["alias"]!["evaluate_target_health"]!);
            Assert.Equal(origin.OriginName, (string?)stack.Referenced((string)record["health_check_id"]!)["fqdn"]);
        }
    }

    [Fact]
    public void The_site_name_is_aliased_to_cloudfront_for_ipv4_and_ipv6()
    {
        var site = Dns(Config with { SiteName = "students.example.org" }).Resources("aws_route53_record").Where(r => (string?)r["name"] == "students.example.org").ToList();
        Assert.Equal(["A", "AAAA"], site.Select(r => (string)r["type"]!).Order());
        Assert.All(site, record =>
        {
            Assert.Equal("d111111abcdef8.cloudfront.net", (string?)record["alias"]!["name"]);
            Assert.Equal("Z2FDTNDATAQYW2", (string?)record["alias"]!["zone_id"]);
            Assert.Null(record["failover_routing_policy"]);
        });
    }
}
