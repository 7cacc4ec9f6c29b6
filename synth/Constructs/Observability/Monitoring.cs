using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchCompositeAlarm;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchDashboard;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchMetricAlarm;
using HashiCorp.Cdktf.Providers.Aws.SnsTopic;
using HashiCorp.Cdktf.Providers.Aws.SnsTopicSubscription;
using Scriban;
using StudentRecords.Model;
using StudentRecords.Synth.Templates;

namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>
/// The region's alarms (thresholds from the model, missing data treated on purpose), the composite
/// "unhealthy" alarm a failover can act on, the app's sign-in counts and an alarm on failed sign-ins, an encrypted SNS topic that e-mails the alert address, and
/// the dashboard rendered from synth/Templates/dashboard.scriban.
/// </summary>
public sealed class Monitoring : Construct
{
    private static readonly Template Dashboard = EmbeddedTemplates.Load("dashboard.scriban");
    private readonly MonitoringConfig config;
    private readonly SnsTopic topic;

    public Monitoring(Construct scope, string id, MonitoringConfig config) : base(scope, id)
    {
        this.config = config;
        topic = new SnsTopic(this, "alerts", new SnsTopicConfig { Name = $"{config.Name}-alerts", KmsMasterKeyId = config.KmsKeyArn });
        new SnsTopicSubscription(this, "alerts-email", new SnsTopicSubscriptionConfig { TopicArn = topic.Arn, Protocol = "email", Endpoint = config.AlertEmail });

        var t = config.Thresholds;
        var w = config.Watched;
        var alb = new Dictionary<string, string> { ["LoadBalancer"] = w.LoadBalancerArnSuffix };
        var targets = new Dictionary<string, string> { ["LoadBalancer"] = w.LoadBalancerArnSuffix, ["TargetGroup"] = w.TargetGroupArnSuffix };
        var service = new Dictionary<string, string> { ["ClusterName"] = w.EcsCluster, ["ServiceName"] = w.EcsService };
        var database = new Dictionary<string, string> { ["DBClusterIdentifier"] = w.DatabaseCluster };
        // No traffic and no tasks mean no errors: service-side gaps are not failures. A database that stops
        // reporting, or a replica whose lag goes missing, is one.
        const string quiet = "notBreaching", silentIsBroken = "breaching";

        var errors = Alarm("alb-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", alb, ">", t.Alb5xxPerMinute, quiet, $"more than {t.Alb5xxPerMinute} target 5xx responses in a minute", period: RecoveryBudget.AlarmPeriodSeconds);
        var unhealthy = Alarm("unhealthy-hosts", "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", targets, ">=", t.UnhealthyHosts, quiet, $"{t.UnhealthyHosts} or more targets failing /health/ready", period: RecoveryBudget.AlarmPeriodSeconds);
        Alarm("response-time", "AWS/ApplicationELB", "TargetResponseTime", "Average", alb, ">", t.ResponseTimeSeconds, quiet, $"average response above {t.ResponseTimeSeconds} s", periods: 5);
        Alarm("service-cpu", "AWS/ECS", "CPUUtilization", "Average", service, ">", t.ServiceCpuPercent, quiet, $"service CPU above {t.ServiceCpuPercent}%", periods: 5);
        Alarm("service-memory", "AWS/ECS", "MemoryUtilization", "Average", service, ">", t.ServiceMemoryPercent, quiet, $"service memory above {t.ServiceMemoryPercent}%", periods: 5);
        Alarm("database-cpu", "AWS/RDS", "CPUUtilization", "Average", database, ">", t.DatabaseCpuPercent, silentIsBroken, $"database CPU above {t.DatabaseCpuPercent}%", periods: 5);
        var maxConnections = AuroraInstanceClasses.MaxConnections[w.DatabaseInstanceClass]; // the model admits only classes it has
        Alarm("database-connections", "AWS/RDS", "DatabaseConnections", "Maximum", database, ">", Math.Floor(maxConnections * t.ConnectionsPercent / 100.0), silentIsBroken, $"connections above {t.ConnectionsPercent}% of {maxConnections} ({w.DatabaseInstanceClass})");
        Alarm("database-local-storage", "AWS/RDS", "FreeLocalStorage", "Minimum", database, "<", t.FreeLocalStorageGb * 1024.0 * 1024 * 1024, silentIsBroken, $"less than {t.FreeLocalStorageGb} GB of local storage");
        if (config.FollowsPrimary)
        {
            // Binlog replicas report seconds; global secondaries milliseconds.
            var (metric, threshold) = config.Replication == ReplicationMode.Binlog
                ? ("AuroraBinlogReplicaLag", (double)t.ReplicationLagSeconds)
                : ("AuroraGlobalDBReplicationLag", t.ReplicationLagSeconds * 1000.0);
            Alarm("replication-lag", "AWS/RDS", metric, "Maximum", database, ">", threshold, silentIsBroken, $"replication more than {t.ReplicationLagSeconds} s behind", periods: 2);
        }
        new SignInMetrics(this, "sign-in-metrics", new SignInMetricsConfig { Name = config.Name, LogGroupName = w.AppLogGroup, Namespace = config.MetricNamespace });
        // An hour without sign-in events (no staff at night, a dark standby) is no attack.
        Alarm("failed-sign-ins", config.MetricNamespace, SignInMetrics.FailedSignIns, "Sum", null, ">", t.FailedSignInsPerHour, quiet,
            $"more than {t.FailedSignInsPerHour} failed sign-ins to the records app in an hour", period: 3600);

        new CloudwatchCompositeAlarm(this, "unhealthy", new CloudwatchCompositeAlarmConfig
        {
            AlarmName = $"{config.Name}-unhealthy",
            AlarmDescription = "The environment serves errors or has failing targets: what an (automatic or operator) failover acts on",
            AlarmRule = $"ALARM(\"{errors.AlarmName}\") OR ALARM(\"{unhealthy.AlarmName}\")",
            AlarmActions = [topic.Arn],
            OkActions = [topic.Arn],
        });
        new CloudwatchDashboard(this, "dashboard", new CloudwatchDashboardConfig { DashboardName = config.Name, DashboardBody = RenderDashboard() });
        TopicArn = topic.Arn;
    }

    public string TopicArn { get; }

    private CloudwatchMetricAlarm Alarm(string name, string ns, string metric, string statistic, Dictionary<string, string>? dimensions,
        string comparison, double threshold, string missing, string description, int periods = 1, int period = 60) =>
        new(this, name, new CloudwatchMetricAlarmConfig
        {
            AlarmName = $"{config.Name}-{name}",
            AlarmDescription = description,
            Namespace = ns,
            MetricName = metric,
            Statistic = statistic,
            Dimensions = dimensions,
            Period = period,
            EvaluationPeriods = periods,
            Threshold = threshold,
            ComparisonOperator = comparison switch
            {
                ">" => "GreaterThanThreshold",
                ">=" => "GreaterThanOrEqualToThreshold",
                _ => "LessThanThreshold",
            },
            TreatMissingData = missing,
            AlarmActions = [topic.Arn],
            OkActions = [topic.Arn],
        });

    private string RenderDashboard() => Dashboard.Render(new
    {
        config.Region,
        config.Watched,
        config.FollowsPrimary,
        LagMetric = config.Replication == ReplicationMode.Binlog ? "AuroraBinlogReplicaLag" : "AuroraGlobalDBReplicationLag",
        Title = config.Name,
        SignIns = new { config.MetricNamespace, Succeeded = SignInMetrics.SignIns, Failed = SignInMetrics.FailedSignIns, AlarmAbove = config.Thresholds.FailedSignInsPerHour },
    }).Trim();

}
