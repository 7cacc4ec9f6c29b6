using Constructs;
using HashiCorp.Cdktf.Providers.Aws.Route53HealthCheck;
using HashiCorp.Cdktf.Providers.Aws.Route53Record;
using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Edge;

/// <summary>
/// Route 53: a health check on each environment's readiness path, a failover record (PRIMARY production,
/// SECONDARY DR) that the form paths reach the app through, and the site's name aliased to CloudFront.
/// </summary>
public sealed class FailoverDns : Construct
{
    public FailoverDns(Construct scope, string id, FailoverDnsConfig config) : base(scope, id)
    {
        var primaryCheck = HealthCheck(config.Primary, config.HealthPath);
        var secondaryCheck = HealthCheck(config.Secondary, config.HealthPath);
        FailoverRecord(config, config.Primary, "PRIMARY", primaryCheck);
        FailoverRecord(config, config.Secondary, "SECONDARY", secondaryCheck);
        foreach (var type in new[] { "A", "AAAA" })
            new Route53Record(this, $"site-{type.ToLowerInvariant()}", new Route53RecordConfig
            {
                ZoneId = config.HostedZoneId,
                Name = config.SiteName,
                Type = type,
                Alias = new Route53RecordAlias { Name = config.CloudFrontDomainName, ZoneId = config.CloudFrontZoneId, EvaluateTargetHealth = false },
            });
    }

    private Route53HealthCheck HealthCheck(RegionalOrigin origin, string path) => new(this, $"{origin.Environment}-health", new Route53HealthCheckConfig
    {
        Type = "HTTPS",
        Fqdn = origin.OriginName,
        Port = 443,
        ResourcePath = path,
        EnableSni = true,
        // The recovery budget counts on these (model/RecoveryBudget.cs): about 30 s of failures before DNS moves.
        RequestInterval = RecoveryBudget.HealthCheckIntervalSeconds,
        FailureThreshold = RecoveryBudget.HealthCheckFailureThreshold,
        MeasureLatency = true,
        Tags = new Dictionary<string, string> { ["Name"] = $"{origin.Environment}-ready" },
    });

    private void FailoverRecord(FailoverDnsConfig config, RegionalOrigin origin, string role, Route53HealthCheck check) =>
        new Route53Record(this, $"failover-{role.ToLowerInvariant()}", new Route53RecordConfig
        {
            ZoneId = config.HostedZoneId,
            Name = config.FailoverName,
            Type = "A",
            SetIdentifier = origin.Environment,
            FailoverRoutingPolicy = new Route53RecordFailoverRoutingPolicy { Type = role },
            HealthCheckId = check.Id,
            Alias = new Route53RecordAlias { Name = origin.AlbDnsName, ZoneId = origin.AlbZoneId, EvaluateTargetHealth = true },
        });
}
