using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Observability;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// Monitoring promises the model's alarms, all notifying one encrypted topic that e-mails the alert address, with missing
/// data breaching for the database only, replication lag watched only on a standby, and a composite "unhealthy" alarm.
/// </summary>
public sealed class MonitoringSpec
{
    private static TerraformJson Monitor(MonitoringConfig config) =>
        ConstructSpec.Synth(stack => new Monitoring(stack, "monitoring", config));

    private static readonly MonitoringConfig Primary = new()
    {
        Name = "spec-env",
        Region = ConstructSpec.Region,
        Thresholds = SpecInputs.Model.Platform.Alarms with { ConnectionsPercent = 50, ReplicationLagSeconds = 30 },
        AlertEmail = "alerts@example.org",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        Watched = new MonitoredResources
        {
            LoadBalancerArnSuffix = "app/spec-alb/0123",
            TargetGroupArnSuffix = "targetgroup/spec-tg/4567",
            EcsCluster = "spec-cluster",
            EcsService = "spec-service",
            DatabaseCluster = "spec-aurora",
            DatabaseInstanceClass = "db.t3.medium",
            AppLogGroup = "/ecs/spec-env",
        },
        FollowsPrimary = false,
        Replication = ReplicationMode.Binlog,
        MetricNamespace = "spec-project",
    };

    private static JsonObject Alarm(TerraformJson stack, string name) =>
        Assert.Single(stack.Resources("aws_cloudwatch_metric_alarm"), a => a["alarm_name"]!.GetValue<string>() == $"spec-env-{name}");

    [Fact]
    public void Every_alarm_notifies_the_encrypted_topic_that_emails_the_alert_address()
    {
        var stack = Monitor(Primary);
        var topic = stack.Resource("aws_sns_topic");
        Assert.Equal("spec-env-alerts", topic["name"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, topic["kms_master_key_id"]!.GetValue<string>());
        var topicArn = stack.ReferenceTo("aws_sns_topic", topic, "arn");
        var subscription = stack.Resource("aws_sns_topic_subscription");
        Assert.Equal("email", subscription["protocol"]!.GetValue<string>());
        Assert.Equal("alerts@example.org", subscription["endpoint"]!.GetValue<string>());
        Assert.Equal(topicArn, subscription["topic_arn"]!.GetValue<string>());
        var alarms = stack.Resources("aws_cloudwatch_metric_alarm").Append(stack.Resource("aws_cloudwatch_composite_alarm"));
        Assert.All(alarms, alarm =>
        {
            Assert.Equal([topicArn], SpecInputs.Strings(alarm["alarm_actions"]));
            Assert.Equal([topicArn], SpecInputs.Strings(alarm["ok_actions"]));
        });
    }

    [Fact]
    public void Missing_data_breaches_for_the_database_and_not_for_the_service()
    {
        var alarms = Monitor(Primary).Resources("aws_cloudwatch_metric_alarm");
        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm => Assert.Equal(
            alarm["namespace"]!.GetValue<string>() == "AWS/RDS" ? "breaching" : "notBreaching",
            alarm["treat_missing_data"]!.GetValue<string>()));
    }

    [Fact]
    public void Sets_thresholds_from_the_model_and_the_instance_class()
    {
        var small = Monitor(Primary);
        Assert.Equal(45, Alarm(small, "database-connections")["threshold"]!.GetValue<double>()); // 50% of db.t3.medium's 90
        Assert.Equal(Primary.Thresholds.Alb5xxPerMinute, Alarm(small, "alb-5xx")["threshold"]!.GetValue<double>());
        Assert.Equal(Primary.Thresholds.FailedSignInsPerHour, Alarm(small, "failed-sign-ins")["threshold"]!.GetValue<double>());
        Assert.Equal("spec-project", Alarm(small, "failed-sign-ins")["namespace"]!.GetValue<string>());

        var large = Monitor(Primary with { Watched = Primary.Watched with { DatabaseInstanceClass = "db.r6g.large" } });
        Assert.Equal(500, Alarm(large, "database-connections")["threshold"]!.GetValue<double>()); // 50% of 1000
    }

    [Fact]
    public void Watches_replication_lag_only_on_a_standby_in_the_unit_its_mode_reports()
    {
        Assert.DoesNotContain(Monitor(Primary).Resources("aws_cloudwatch_metric_alarm"), a => a["alarm_name"]!.GetValue<string>() == "spec-env-replication-lag");

        var binlog = Alarm(Monitor(Primary with { FollowsPrimary = true }), "replication-lag");
        Assert.Equal("AuroraBinlogReplicaLag", binlog["metric_name"]!.GetValue<string>());
        Assert.Equal(30, binlog["threshold"]!.GetValue<double>());

        var global = Alarm(Monitor(Primary with { FollowsPrimary = true, Replication = ReplicationMode.Global }), "replication-lag");
        Assert.Equal("AuroraGlobalDBReplicationLag", global["metric_name"]!.GetValue<string>());
        Assert.Equal(30_000, global["threshold"]!.GetValue<double>());
    }

    [Fact]
    public void The_unhealthy_alarm_fires_on_target_errors_or_failing_targets()
    {
        var stack = Monitor(Primary);
        var composite = stack.Resource("aws_cloudwatch_composite_alarm");
        Assert.Equal("spec-env-unhealthy", composite["alarm_name"]!.GetValue<string>());
        var rule = composite["alarm_rule"]!.GetValue<string>();
        foreach (var member in new[] { "alb-5xx", "unhealthy-hosts" })
            Assert.Contains($"ALARM(\"{stack.ReferenceTo("aws_cloudwatch_metric_alarm", Alarm(stack, member), "alarm_name")}\")", rule, StringComparison.Ordinal);
        Assert.Contains(" OR ", rule, StringComparison.Ordinal);
    }
}
