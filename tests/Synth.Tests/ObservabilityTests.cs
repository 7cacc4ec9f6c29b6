using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Tests;

/// <summary>Alarms carry the model's thresholds, reach the alert address, and the dashboard is valid JSON.</summary>
[Collection(SynthCollection.Name)]
public sealed class ObservabilityTests(SynthesizedPlatform platform)
{
    /// <summary>The stack's alarms by their purpose: the name after <c>{project}-{environment}-</c>.</summary>
    private Dictionary<string, JsonObject> Alarms(string stack, TerraformJson? parsed = null) =>
        (parsed ?? platform.Stack(stack)).Resources("aws_cloudwatch_metric_alarm").ToDictionary(a => ((string)a["alarm_name"]!)[$"student-record-system-{stack}-".Length..], a => a);

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void AlarmsUseTheModelsThresholds(string stack)
    {
        var alarms = Alarms(stack);
        var t = platform.Model.Platform.Alarms;

        Assert.Equal(t.Alb5xxPerMinute, (double?)alarms["alb-5xx"]["threshold"]);
        Assert.Equal(t.UnhealthyHosts, (double?)alarms["unhealthy-hosts"]["threshold"]);
        Assert.Equal(t.ServiceCpuPercent, (double?)alarms["service-cpu"]["threshold"]);
        Assert.Equal(t.ResponseTimeSeconds, (double?)alarms["response-time"]["threshold"]);
        Assert.Equal(Math.Floor(135 * t.ConnectionsPercent / 100.0), (double?)alarms["database-connections"]["threshold"]); // db.t3.large allows 135
        Assert.Equal("notBreaching", (string?)alarms["service-cpu"]["treat_missing_data"]);
        Assert.Equal("breaching", (string?)alarms["database-cpu"]["treat_missing_data"]);
    }

    [Fact]
    public void OnlyTheStandbyWatchesReplicationLagWithTheBinlogMetric()
    {
        var lag = Alarms("dr")["replication-lag"];

        Assert.Equal("AuroraBinlogReplicaLag", (string?)lag["metric_name"]);
        Assert.Equal(platform.Model.Platform.Alarms.ReplicationLagSeconds, (double?)lag["threshold"]);
        Assert.DoesNotContain("replication-lag", Alarms("production").Keys);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void CompositeAlarmAndEveryAlarmReachTheEncryptedTopicThatEmailsTheAlertAddress(string name)
    {
        var stack = platform.Stack(name);
        var topic = stack.Resource("aws_sns_topic");
        var topicArn = stack.ReferenceTo("aws_sns_topic", topic, "arn");
        var alarms = Alarms(name, stack);
        var composite = stack.Resource("aws_cloudwatch_composite_alarm");

        Assert.StartsWith("${aws_kms_key.", (string?)topic["kms_master_key_id"]);
        var subscription = stack.Resource("aws_sns_topic_subscription");
        Assert.Equal(("email", platform.Model.Platform.Alerts.Email), ((string?)subscription["protocol"], (string?)subscription["endpoint"]));
        Assert.All(alarms.Values.Append(composite), a => Assert.Equal(topicArn, (string?)a["alarm_actions"]![0]));
        Assert.Equal(
            $"ALARM(\"{stack.ReferenceTo("aws_cloudwatch_metric_alarm", alarms["alb-5xx"], "alarm_name")}\") OR ALARM(\"{stack.ReferenceTo("aws_cloudwatch_metric_alarm", alarms["unhealthy-hosts"], "alarm_name")}\")",
            (string?)composite["alarm_rule"]);
    }

    [Theory]
    [InlineData("production", "Service health: running tasks", "Latency percentiles")]
    [InlineData("dr", "Replication status", "DR readiness: replica lag and tasks ready to scale")]
    public void DashboardIsValidJsonWithTheSeedsPanels(string stack, string panel, string another)
    {
        var body = JsonNode.Parse((string)platform.Stack(stack).Resource("aws_cloudwatch_dashboard")["dashboard_body"]!)!;
        var titles = body["widgets"]!.AsArray().Select(w => (string?)w!["properties"]!["title"]).ToList();

        Assert.Contains(panel, titles);
        Assert.Contains(another, titles);
        Assert.All(body["widgets"]!.AsArray().Where(w => (string?)w!["type"] == "metric"), w =>
            Assert.All(w!["properties"]!["metrics"]!.AsArray(), m => Assert.True(m!.AsArray().Count >= 3, "a metric names namespace, name and dimensions")));
    }
}
