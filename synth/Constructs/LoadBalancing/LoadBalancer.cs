using Constructs;
using HashiCorp.Cdktf.Providers.Aws.Lb;
using HashiCorp.Cdktf.Providers.Aws.LbListener;
using HashiCorp.Cdktf.Providers.Aws.LbTargetGroup;

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
            SecurityGroups = [config.SecurityGroupId],
            Subnets = [.. config.SubnetIds],
            DropInvalidHeaderFields = true,
            EnableDeletionProtection = true,
            AccessLogs = new LbAccessLogs { Bucket = config.LogBucketName, Prefix = "alb", Enabled = true },
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
        new LbListener(this, https ? "https" : "http", new LbListenerConfig
        {
            LoadBalancerArn = alb.Arn,
            Port = ListenerPortFor(https),
            Protocol = https ? "HTTPS" : "HTTP",
            SslPolicy = https ? TlsPolicy : null,
            CertificateArn = config.CertificateArn,
            DefaultAction = new[] { new LbListenerDefaultAction { Type = "forward", TargetGroupArn = targets.Arn } },
        });
        DnsName = alb.DnsName;
        ZoneId = alb.ZoneId;
        ArnSuffix = alb.ArnSuffix;
        TargetGroupArn = targets.Arn;
        TargetGroupArnSuffix = targets.ArnSuffix;
        ListenerPort = ListenerPortFor(https);
    }

    public string DnsName { get; }

    public string ZoneId { get; }

    public string ArnSuffix { get; }

    public string TargetGroupArn { get; }

    public string TargetGroupArnSuffix { get; }

    public int ListenerPort { get; }
}
