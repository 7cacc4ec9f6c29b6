using System.Globalization;
using System.Text;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Review;

/// <summary>
/// Monthly cost of each environment and of the global edge, from the model and the committed price
/// table: change the model (NAT per AZ → single, a task count, an instance class) and the estimate follows.
/// </summary>
public static class CostEstimate
{
    public const string Global = "global";

    /// <summary>
    /// Database credentials, the origin header and, with single sign-on, the OpenID Connect client secret:
    /// the primary's own, a standby's replicas of them (billed as secrets).
    /// </summary>
    private static int SecretsPerEnvironment(PlatformSpec platform) => platform.Auth is null ? 2 : 3;

    public static IReadOnlyDictionary<string, IReadOnlyList<CostLine>> For(PlatformModel model)
    {
        var result = new SortedDictionary<string, IReadOnlyList<CostLine>>(StringComparer.Ordinal);
        foreach (var environment in model.Environments)
            result[environment.Name] = Environment(environment, secretReplicaRegions: environment.Role == EnvironmentRole.Primary ? model.Standbys.Count : 0,
                secrets: SecretsPerEnvironment(model.Platform));
        result[Global] = Edge(model.Platform);
        return result;
    }

    /// <param name="secretReplicaRegions">Regions the environment replicates its secrets to, each under a key it creates there.</param>
    /// <param name="secrets">Secrets (or replicas) the environment holds.</param>
    public static IReadOnlyList<CostLine> Environment(EnvironmentSpec env, int secretReplicaRegions, int secrets)
    {
        var p = PriceTable.Regions.TryGetValue(env.Region, out var prices)
            ? prices
            : throw new InvalidOperationException($"no prices for {env.Region} in the price table ({PriceTable.Dated})");
        const decimal h = PriceTable.HoursPerMonth;
        var s = env.Service;
        var nat = env.Network.NatGateways switch { NatMode.None => 0, NatMode.Single => 1, _ => env.AvailabilityZones.Count };
        var endpoints = env.Network.TaskEgress == TaskEgress.VpcEndpoints ? InterfaceEndpoints.Services.Count * env.AvailabilityZones.Count : 0;
        var db = env.Database;
        var keys = 1 + secretReplicaRegions; // the environment's own, and one per secret replica region
        var instanceHour = p.AuroraInstanceHour.TryGetValue(db.InstanceClass, out var price)
            ? price
            : throw new InvalidOperationException($"no price for {db.InstanceClass} in {env.Region} in the price table ({PriceTable.Dated})");
        return
        [
            new("ECS Fargate", $"{s.DesiredCount} task(s) × {s.Cpu / 1024m:0.##} vCPU, {s.Memory / 1024m:0.##} GB", s.DesiredCount * ((s.Cpu / 1024m * p.FargateVcpuHour) + (s.Memory / 1024m * p.FargateGbHour)) * h),
            new("NAT gateways", $"{nat} × 730 h + {UsageAssumptions.NatProcessedGb} GB", nat == 0 ? 0 : (nat * p.NatGatewayHour * h) + (UsageAssumptions.NatProcessedGb * p.NatGatewayGb)),
            new("Interface endpoints", $"{endpoints} endpoint-AZ(s)", endpoints * p.InterfaceEndpointHour * h),
            new("Application Load Balancer", $"730 h + {UsageAssumptions.AlbAverageLcu} LCU", (p.AlbHour + (UsageAssumptions.AlbAverageLcu * p.AlbLcuHour)) * h),
            new("Aurora instances", $"{db.InstanceCount} × {db.InstanceClass}", db.InstanceCount * instanceHour * h),
            new("Aurora storage and I/O", $"{UsageAssumptions.AuroraStorageGb} GB, {UsageAssumptions.AuroraIoMillions} M I/O", (UsageAssumptions.AuroraStorageGb * p.AuroraStorageGbMonth) + (UsageAssumptions.AuroraIoMillions * p.AuroraIoMillion)),
            new("CloudWatch Logs", $"{UsageAssumptions.LogsIngestGb} GB ingested", UsageAssumptions.LogsIngestGb * p.CloudWatchLogsIngestGb),
            new("S3", $"{UsageAssumptions.S3StoredGb} GB", UsageAssumptions.S3StoredGb * p.S3StandardGbMonth),
            new("KMS and Secrets Manager", $"{keys} key(s), {secrets} secrets", (keys * p.KmsKeyMonth) + (secrets * p.SecretMonth)),
        ];
    }

    public static IReadOnlyList<CostLine> Edge(PlatformSpec platform)
    {
        var rules = Constructs.Edge.WebFirewall.ManagedRuleGroups.Count + 1;
        var lines = new List<CostLine>
        {
            new("CloudFront", $"{UsageAssumptions.CloudFrontGb} GB, {UsageAssumptions.CloudFrontRequestsMillion} M HTTPS requests",
                (UsageAssumptions.CloudFrontGb * PriceTable.CloudFrontGbEurope) + (UsageAssumptions.CloudFrontRequestsMillion * 100 * PriceTable.CloudFrontHttpsPer10k)),
            new("WAF", $"1 web ACL, {rules} rules, {UsageAssumptions.WafRequestsMillion} M requests",
                PriceTable.WafWebAclMonth + (rules * PriceTable.WafRuleMonth) + (UsageAssumptions.WafRequestsMillion * PriceTable.WafRequestsMillion)),
        };
        if (platform.Domain is not null)
            lines.Add(new("Route 53", "1 hosted zone, 2 HTTPS health checks", PriceTable.Route53ZoneMonth + (2 * PriceTable.Route53HttpsHealthCheckMonth)));
        return lines;
    }

    /// <param name="budget">Each environment's budget (platform.yaml <c>cost</c>), shown beside its estimate.</param>
    public static string Render(IReadOnlyDictionary<string, IReadOnlyList<CostLine>> estimate, CostSpec? budget = null)
    {
        var text = new StringBuilder($"Monthly estimate (USD, on-demand list prices of {PriceTable.Dated}; usage assumptions in synth/Review/UsageAssumptions.cs)\n");
        foreach (var (scope, lines) in estimate)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\n{scope}");
            foreach (var line in lines)
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line.Item,-28} {line.Basis,-44} {line.Monthly,10:0.00}");
            var total = lines.Sum(l => l.Monthly);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {"total",-28} {"",-44} {total,10:0.00}");
            if (budget is not null && scope != Global)
                text.AppendLine(CultureInfo.InvariantCulture, $"  {"budget",-28} {$"alert above {budget.AlertAboveUsd}{(total > budget.MonthlyBudgetUsd ? ", over the target" : "")}",-44} {budget.MonthlyBudgetUsd,10:0.00}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"\nall environments and global: {estimate.Values.Sum(l => l.Sum(x => x.Monthly)):0.00}");
        return text.ToString();
    }
}
