using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.Lb;
using HashiCorp.Cdktf.Providers.Aws.LbListener;
using HashiCorp.Cdktf.Providers.Aws.LbListenerRule;
using HashiCorp.Cdktf.Providers.Aws.LbTargetGroup;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.LoadBalancing;

/// <summary>
/// An internet-facing ALB in the public subnets (reachable only from CloudFront, see SecurityGroups):
/// invalid headers dropped, deletion protection, access logs, a modern TLS policy, and a target group
/// that checks the app's readiness path.
/// </summary>
public sealed class LoadBalancer : Construct
{
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public static int ListenerPortFor(bool https) => https ? 443 : 80;

    public LoadBalancer(Construct scope, string id, LoadBalancerConfig config) : base(scope, id)
    {
        var alb = new Lb(this, "alb", new LbConfig
        {
            Name = config.Name,
            LoadBalancerType = "application",
            Internal = false,
            SecurityGroups = [.. config.SecurityGroupIds],
            Subnets = [.. config.SubnetIds],
            DropInvalidHeaderFields = true,
            EnableDeletionProtection = true,
            AccessLogs = new LbAccessLogs { Bucket = config.LogBucketName, Prefix = "alb", Enabled = true },
            DependsOn = [config.LogBucketPolicy], // AWS checks that ELB may write there when access logs are switched on
        });
        var targets = new LbTargetGroup(this, "targets", new LbTargetGroupConfig
        {
            Name = config.Name,
            Port = config.ContainerPort,
            Protocol = "HTTP",
            TargetType = "ip", // Fargate tasks register by IP
            VpcId = config.VpcId,
            DeregistrationDelay = "30",
            HealthCheck = new LbTargetGroupHealthCheck
            {
                Path = config.HealthCheckPath,
                Matcher = "200",
                Interval = 15,
                HealthyThreshold = 2,
                UnhealthyThreshold = 3,
            },
        });
        var https = config.CertificateArn is not null;
        // CloudFront redirects viewers to HTTPS; only CloudFront reaches this listener, so no HTTP redirect listener.
        // Requests without this platform's origin header are refused: the prefix list admits any distribution.
        var listener = new LbListener(this, https ? "https" : "http", new LbListenerConfig
        {
            LoadBalancerArn = alb.Arn,
            Port = ListenerPortFor(https),
            Protocol = https ? "HTTPS" : "HTTP",
            SslPolicy = https ? TlsPolicy : null,
            CertificateArn = config.CertificateArn,
            DefaultAction = new[]
            {
                new LbListenerDefaultAction
                {
                    Type = "fixed-response",
                    FixedResponse = new LbListenerDefaultActionFixedResponse { StatusCode = "403", ContentType = "text/plain", MessageBody = "Only through the site's address." },
                },
            },
        });
        var fromCloudFront = Forward(listener, targets, 10, "from-cloudfront", new LbListenerRuleCondition
        {
            HttpHeader = new LbListenerRuleConditionHttpHeader { HttpHeaderName = OriginSecret.HeaderName, Values = [config.OriginSecret] },
        }, ignoreConditionChanges: true);
        // Route 53 health checks cannot send headers; the readiness path alone is open to them.
        var readiness = Forward(listener, targets, 20, "readiness", new LbListenerRuleCondition
        {
            PathPattern = new LbListenerRuleConditionPathPattern { Values = [config.HealthCheckPath] },
        });
        DnsName = alb.DnsName;
        ZoneId = alb.ZoneId;
        ArnSuffix = alb.ArnSuffix;
        TargetGroupArn = targets.Arn;
        TargetGroupArnSuffix = targets.ArnSuffix;
        Routing = [listener, fromCloudFront, readiness];
        ListenerPort = ListenerPortFor(https);
    }

    private LbListenerRule Forward(LbListener listener, LbTargetGroup targets, int priority, string id, LbListenerRuleCondition condition, bool ignoreConditionChanges = false) =>
        new LbListenerRule(this, id, new LbListenerRuleConfig
        {
            ListenerArn = listener.Arn,
            Priority = priority,
            Condition = new[] { condition },
            Action = new[] { new LbListenerRuleAction { Type = "forward", TargetGroupArn = targets.Arn } },
            // The origin secret is generated once (see OriginSecret): later plans must not rewrite it.
            Lifecycle = ignoreConditionChanges ? new TerraformResourceLifecycle { IgnoreChanges = new[] { "condition" } } : null,
        });

    public string DnsName { get; }

    public string ZoneId { get; }

    public string ArnSuffix { get; }

    public string TargetGroupArn { get; }

    /// <summary>The listener and the rules that forward to the target group.</summary>
    public IReadOnlyList<ITerraformDependable> Routing { get; }

    public string TargetGroupArnSuffix { get; }

    public int ListenerPort { get; }
}
