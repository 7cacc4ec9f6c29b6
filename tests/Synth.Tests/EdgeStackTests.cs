using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Tests;

/// <summary>The edge turns two regions into one site that fails over.</summary>
[Collection(SynthCollection.Name)]
public sealed class EdgeStackTests(SynthesizedPlatform platform)
{
    private readonly TerraformJson edge = platform.Stack("edge");

    private JsonObject Distribution => edge.Resource("aws_cloudfront_distribution");

    private static IEnumerable<string> Strings(JsonNode? node) => node!.AsArray().Select(n => n!.ToString());

    [Fact]
    public void OriginGroupPutsProductionFirstAndFailsOverToDrOnServerErrors()
    {
        var group = Distribution["origin_group"]![0]!;
        var origins = Distribution["origin"]!.AsArray().ToDictionary(o => (string)o!["origin_id"]!, o => (string)o!["domain_name"]!);

        Assert.Equal(["production", "dr"], group["member"]!.AsArray().Select(m => (string)m!["origin_id"]!));
        Assert.Equal(["500", "502", "503", "504"], Strings(group["failover_criteria"]!["status_codes"]));
        Assert.Equal("production.records.example.org", origins["production"]);
        Assert.Equal("dr.records.example.org", origins["dr"]);
        Assert.Equal((string?)group["origin_id"], (string?)Distribution["default_cache_behavior"]!["target_origin_id"]);
    }

    [Fact]
    public void EveryOriginRequestCarriesTheSecretTheLoadBalancersRequire()
    {
        var secret = Assert.Single(edge.DataSources("aws_secretsmanager_secret_version"));

        Assert.Equal("student-record-system/edge/origin-verify", (string?)secret["secret_id"]);
        Assert.Equal("eu-central-1", (string?)secret["region"]);
        Assert.All(Distribution["origin"]!.AsArray(), o =>
        {
            var header = o!["custom_header"]![0]!;
            Assert.Equal("X-Origin-Verify", (string?)header["name"]);
            Assert.Equal(edge.DataReferenceTo("aws_secretsmanager_secret_version", "secret_string"), (string?)header["value"]);
        });
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void LoadBalancersRefuseRequestsWithoutTheOriginSecretExceptTheReadinessCheck(string stack)
    {
        var json = platform.Stack(stack);
        var listener = json.Resource("aws_lb_listener");
        var rules = json.Resources("aws_lb_listener_rule").OrderBy(r => (int)r["priority"]!).ToList();

        Assert.Equal("403", (string?)listener["default_action"]![0]!["fixed_response"]!["status_code"]);
        Assert.Equal("X-Origin-Verify", (string?)rules[0]["condition"]![0]!["http_header"]!["http_header_name"]);
        var secret = (string)rules[0]["condition"]![0]!["http_header"]!["values"]![0]!;
        Assert.StartsWith(stack == "production" ? "${data.aws_secretsmanager_random_password." : "${data.aws_secretsmanager_secret_version.", secret);
        Assert.Equal(["/health/ready"], rules[1]["condition"]![0]!["path_pattern"]!["values"]!.AsArray().Select(v => (string)v!));
        Assert.All(rules, r => Assert.Equal("forward", (string?)r["action"]![0]!["type"]));
    }

    [Fact]
    public void ViewersAndOriginsSpeakOnlyHttpsWithAModernTls()
    {
        Assert.Equal("redirect-to-https", (string?)Distribution["default_cache_behavior"]!["viewer_protocol_policy"]);
        Assert.All(Distribution["ordered_cache_behavior"]!.AsArray(), b => Assert.Equal("redirect-to-https", (string?)b!["viewer_protocol_policy"]));
        Assert.All(Distribution["origin"]!.AsArray(), o => Assert.Equal("https-only", (string?)o!["custom_origin_config"]!["origin_protocol_policy"]));
        Assert.Equal("TLSv1.2_2021", (string?)Distribution["viewer_certificate"]!["minimum_protocol_version"]);
        Assert.Equal(["records.example.org"], Strings(Distribution["aliases"]));
    }

    [Fact]
    public void FormsGoThroughTheDnsFailoverNameBecauseOriginGroupsFailOverOnlyGets()
    {
        var defaultMethods = Strings(Distribution["default_cache_behavior"]!["allowed_methods"]).Order();
        var forms = Assert.Single(Distribution["ordered_cache_behavior"]!.AsArray())!;
        var failoverOrigin = Distribution["origin"]!.AsArray().Single(o => (string?)o!["origin_id"] == (string?)forms["target_origin_id"])!;

        Assert.Equal(["GET", "HEAD", "OPTIONS"], defaultMethods);
        Assert.Equal("/Students/*", (string?)forms["path_pattern"]);
        Assert.Contains("POST", Strings(forms["allowed_methods"]));
        Assert.Equal("origin.records.example.org", (string?)failoverOrigin["domain_name"]);
    }

    [Fact]
    public void Route53FailsOverTheOriginNameOnTheReadinessChecks()
    {
        var records = edge.Resources("aws_route53_record").Where(r => (string?)r["name"] == "origin.records.example.org").ToList();
        var checks = edge.Resources("aws_route53_health_check");

        Assert.Equal(["PRIMARY", "SECONDARY"], records.Select(r => (string)r["failover_routing_policy"]!["type"]!).Order());
        Assert.All(records, r => Assert.NotNull(r["health_check_id"]));
        Assert.Equal(["dr.records.example.org", "production.records.example.org"], checks.Select(c => (string)c["fqdn"]!).Order());
        Assert.All(checks, c => Assert.Equal("/health/ready", (string?)c["resource_path"]));
        Assert.Equal(2, edge.Resources("aws_route53_record").Count(r => (string?)r["name"] == "records.example.org" && r["alias"] is not null));
    }

    [Fact]
    public void LoadBalancersAreFoundByNameInTheirRegions()
    {
        var lookups = edge.DataSources("aws_lb").Select(l => $"{l["name"]}@{l["region"]}").Order();

        Assert.Equal(["srs-dr@eu-west-1", "srs-production@eu-central-1"], lookups);
        Assert.Equal("srs-production", (string?)platform.Stack("production").Resource("aws_lb")["name"]);
        Assert.Equal("srs-dr", (string?)platform.Stack("dr").Resource("aws_lb")["name"]);
    }

    [Fact]
    public void WafGuardsTheDistributionWithManagedRulesARateLimitAndLogging()
    {
        var acl = edge.Resource("aws_wafv2_web_acl");
        var rules = acl["rule"]!.AsArray().Select(r => (string)r!["name"]!).ToList();

        Assert.Equal("CLOUDFRONT", (string?)acl["scope"]);
        Assert.Equal(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesAnonymousIpList", "rate-limit-per-ip"], rules);
        Assert.Equal(edge.ReferenceTo("aws_wafv2_web_acl", acl, "arn"), (string?)Distribution["web_acl_id"]);
        Assert.Equal(edge.ReferenceTo("aws_wafv2_web_acl", acl, "arn"), (string?)edge.Resource("aws_wafv2_web_acl_logging_configuration")["resource_arn"]);
        Assert.StartsWith("aws-waf-logs-", (string?)edge.Resource("aws_cloudwatch_log_group")["name"]);
        Assert.Equal("us-east-1", (string?)Assert.Single(edge.Providers)["region"]);
    }

    [Fact]
    public void DistributionLogsAndSendsSecurityHeaders()
    {
        var headers = edge.Resource("aws_cloudfront_response_headers_policy")["security_headers_config"]!;

        Assert.Equal("cloudfront/", (string?)Distribution["logging_config"]!["prefix"]);
        Assert.True((bool?)headers["strict_transport_security"]!["include_subdomains"]);
        Assert.Equal("DENY", (string?)headers["frame_options"]!["frame_option"]);
        Assert.NotNull(headers["content_type_options"]);
    }
}
