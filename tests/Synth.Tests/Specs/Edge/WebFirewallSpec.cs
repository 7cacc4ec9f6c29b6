using StudentRecords.Synth.Constructs.Edge;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>WebFirewall promises a CloudFront web ACL of AWS's managed rule groups and a per-IP rate limit, hosting providers only counted, every request logged to an encrypted group.</summary>
public sealed class WebFirewallSpec
{
    private static readonly WebFirewallConfig Config = new()
    {
        Name = "spec-edge",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        LogRetentionDays = 90,
        RequestsPerFiveMinutes = 2000,
    };

    private static TerraformJson Firewall(WebFirewallConfig config) =>
        ConstructSpec.Synth(stack => new WebFirewall(stack, "firewall", config));

    [Fact]
    public void Guards_cloudfront_with_the_managed_rule_groups_in_order_then_the_rate_limit()
    {
        var acl = Firewall(Config).Resource("aws_wafv2_web_acl");
        Assert.Equal("CLOUDFRONT", (string?)acl["scope"]);
        Assert.NotNull(acl["default_action"]!["allow"]);
        var rules = acl["rule"]!.AsArray().OrderBy(r => (int)r!["priority"]!).ToList();
        Assert.Equal([.. WebFirewall.ManagedRuleGroups, "rate-limit-per-ip"], rules.Select(r => (string)r!["name"]!));
        foreach (var rule in rules.Take(WebFirewall.ManagedRuleGroups.Count))
        {
            var group = rule!["statement"]!["managed_rule_group_statement"]!;
            Assert.Equal("AWS", (string?)group["vendor_name"]);
            Assert.Equal((string?)rule["name"], (string?)group["name"]);
            Assert.True((bool)rule["visibility_config"]!["cloudwatch_metrics_enabled"]!);
        }
    }

    [Fact]
    public void Blocks_an_ip_above_the_given_requests_per_five_minutes()
    {
        var rate = Assert.Single(Firewall(Config with { RequestsPerFiveMinutes = 500 }).Resource("aws_wafv2_web_acl")["rule"]!.AsArray(),
            r => (string?)r!["name"] == "rate-limit-per-ip")!;
        Assert.NotNull(rate["action"]!["block"]);
        Assert.Equal(500, (int)rate["statement"]!["rate_based_statement"]!["limit"]!);
        Assert.Equal("IP", (string?)rate["statement"]!["rate_based_statement"]!["aggregate_key_type"]);
    }

    [Fact]
    public void Only_counts_hosting_providers_while_the_rest_of_each_group_blocks()
    {
        var rules = Firewall(Config).Resource("aws_wafv2_web_acl")["rule"]!.AsArray();
        var overridden = Assert.Single(rules, r => r!["statement"]!["managed_rule_group_statement"]?["rule_action_override"] is not null)!;
        Assert.Equal("AWSManagedRulesAnonymousIpList", (string?)overridden["name"]);
        var rule = Assert.Single(overridden["statement"]!["managed_rule_group_statement"]!["rule_action_override"]!.AsArray())!;
        Assert.Equal("HostingProviderIPList", (string?)rule["name"]);
        Assert.NotNull(rule["action_to_use"]!["count"]);
    }

    [Fact]
    public void Logs_every_request_to_a_group_waf_accepts_encrypted_with_the_given_key()
    {
        var stack = Firewall(Config with { LogRetentionDays = 30 });
        var group = stack.Resource("aws_cloudwatch_log_group");
        Assert.Equal("aws-waf-logs-spec-edge", (string?)group["name"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)group["kms_key_id"]);
        Assert.Equal(30, (int)group["retention_in_days"]!);
        var logging = stack.Resource("aws_wafv2_web_acl_logging_configuration");
        Assert.Equal(stack.ReferenceTo("aws_wafv2_web_acl", stack.Resource("aws_wafv2_web_acl"), "arn"), (string?)logging["resource_arn"]);
        Assert.Equal([stack.ReferenceTo("aws_cloudwatch_log_group", group, "arn")], logging["log_destination_configs"]!.AsArray().Select(d => (string)d!));
    }
}
