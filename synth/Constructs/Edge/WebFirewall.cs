using Constructs;
using HashiCorp.Cdktf.Providers.Aws.Wafv2WebAcl;
using HashiCorp.Cdktf.Providers.Aws.Wafv2WebAclLoggingConfiguration;
using StudentRecords.Synth.Constructs.Observability;

namespace StudentRecords.Synth.Constructs.Edge;

/// <summary>
/// The WAFv2 web ACL in front of CloudFront: AWS's managed rule groups for common exploits, known bad
/// inputs (Log4j's among them), SQL injection, bad IP reputation and anonymizing networks, and a per-IP rate
/// limit; every request logged. 1,177 of the 1,500 capacity units a web ACL has by default.
/// </summary>
public sealed class WebFirewall : Construct
{
    public static readonly IReadOnlyList<string> ManagedRuleGroups =
        ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesAnonymousIpList"];

    /// <summary>
    /// Rules of those groups that only count: staff on a cloud desktop (Amazon WorkSpaces, a university's VDI in
    /// a public cloud) come from hosting providers' addresses; Tor and anonymizing VPNs stay blocked.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> CountOnly = new Dictionary<string, string[]>
    {
        ["AWSManagedRulesAnonymousIpList"] = ["HostingProviderIPList"],
    };

    public WebFirewall(Construct scope, string id, WebFirewallConfig config) : base(scope, id)
    {
        var rules = ManagedRuleGroups.Select((group, i) => new Wafv2WebAclRule
        {
            Name = group,
            Priority = i + 1,
            OverrideAction = new Wafv2WebAclRuleOverrideAction { None = new Wafv2WebAclRuleOverrideActionNone() },
            // The statement block is recursive, so the bindings take it as plain data (snake_case, as in HCL).
            Statement = new Dictionary<string, object>
            {
                ["managed_rule_group_statement"] = ManagedGroup(group),
            },
            VisibilityConfig = Visibility(group),
        }).Append(new Wafv2WebAclRule
        {
            Name = "rate-limit-per-ip",
            Priority = ManagedRuleGroups.Count + 1,
            Action = new Wafv2WebAclRuleAction { Block = new Wafv2WebAclRuleActionBlock() },
            Statement = new Dictionary<string, object>
            {
                ["rate_based_statement"] = new Dictionary<string, object> { ["limit"] = config.RequestsPerFiveMinutes, ["aggregate_key_type"] = "IP" },
            },
            VisibilityConfig = Visibility("rate-limit-per-ip"),
        }).ToArray();

        var acl = new Wafv2WebAcl(this, "acl", new Wafv2WebAclConfig
        {
            Name = config.Name,
            Scope = "CLOUDFRONT",
            DefaultAction = new Wafv2WebAclDefaultAction { Allow = new Wafv2WebAclDefaultActionAllow() },
            Rule = rules,
            VisibilityConfig = new Wafv2WebAclVisibilityConfig { CloudwatchMetricsEnabled = true, MetricName = config.Name, SampledRequestsEnabled = true },
        });
        // WAF delivers logs only to log groups whose name starts with aws-waf-logs-.
        var logs = new EncryptedLogGroup(this, "logs", new EncryptedLogGroupConfig
        {
            Name = $"aws-waf-logs-{config.Name}",
            KmsKeyArn = config.KmsKeyArn,
            RetentionDays = config.LogRetentionDays
        });
        new Wafv2WebAclLoggingConfiguration(this, "logging", new Wafv2WebAclLoggingConfigurationConfig
        {
            ResourceArn = acl.Arn,
            LogDestinationConfigs = [logs.Arn],
        });
        Arn = acl.Arn;
    }

    public string Arn { get; }

    private static Dictionary<string, object> ManagedGroup(string group)
    {
        var statement = new Dictionary<string, object> { ["name"] = group, ["vendor_name"] = "AWS" };
        if (CountOnly.TryGetValue(group, out var rules))
            statement["rule_action_override"] = rules.Select(rule => new Dictionary<string, object>
            {
                ["name"] = rule,
                ["action_to_use"] = new Dictionary<string, object> { ["count"] = new Dictionary<string, object>() },
            }).ToArray();
        return statement;
    }

    private static Wafv2WebAclRuleVisibilityConfig Visibility(string metric) =>
        new() { CloudwatchMetricsEnabled = true, MetricName = metric, SampledRequestsEnabled = true };
}
