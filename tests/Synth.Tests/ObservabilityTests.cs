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

    // The app's log events, as the sign-in issue defines them: "event" under the JSON formatter's "State".
    private const string FailedPattern = "{ $.State.event = \"sign-in-failed\" }";
    private const string SucceededPattern = "{ $.State.event = \"sign-in-succeeded\" }";

    private static JsonObject FilterFor(TerraformJson stack, string pattern) =>
        Assert.Single(stack.Resources("aws_cloudwatch_log_metric_filter"), f => (string?)f["pattern"] == pattern);

    private static JsonNode Transformation(JsonObject filter) =>
        filter["metric_transformation"] is JsonArray many ? Assert.Single(many)! : filter["metric_transformation"]!;

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void SignInsAndFailuresAreCountedFromTheServicesLogGroup(string name)
    {
        var stack = platform.Stack(name);
        var appLogGroup = (string?)RegionalStackTests.ContainerOf(stack)["logConfiguration"]!["options"]!["awslogs-group"];

        Assert.Equal(2, stack.Resources("aws_cloudwatch_log_metric_filter").Count);
        foreach (var (pattern, metric) in new[] { (SucceededPattern, "SignIns"), (FailedPattern, "FailedSignIns") })
        {
            var filter = FilterFor(stack, pattern);
            Assert.Equal(appLogGroup, (string?)filter["log_group_name"]);
            var transformation = Transformation(filter);
            Assert.Equal((platform.Model.Platform.Project, metric, "1", "0"),
                ((string?)transformation["namespace"], (string?)transformation["name"], (string?)transformation["value"], (string?)transformation["default_value"]));
        }
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void FailedSignInsAboveTheModelsHourlyThresholdAlertTheTopic(string name)
    {
        var stack = platform.Stack(name);
        var metric = Transformation(FilterFor(stack, FailedPattern));
        var alarm = Alarms(name, stack)["failed-sign-ins"];
        var topicArn = stack.ReferenceTo("aws_sns_topic", stack.Resource("aws_sns_topic"), "arn");

        Assert.Equal(((string?)metric["namespace"], (string?)metric["name"]), ((string?)alarm["namespace"], (string?)alarm["metric_name"]));
        Assert.Equal(("Sum", 3600, 1), ((string?)alarm["statistic"], (int?)alarm["period"], (int?)alarm["evaluation_periods"]));
        Assert.Equal("GreaterThanThreshold", (string?)alarm["comparison_operator"]);
        Assert.Equal(platform.Model.Platform.Alarms.FailedSignInsPerHour, (double?)alarm["threshold"]);
        Assert.Equal("notBreaching", (string?)alarm["treat_missing_data"]);
        Assert.Equal([topicArn], alarm["alarm_actions"]!.AsArray().Select(a => (string?)a));
        Assert.Equal([topicArn], alarm["ok_actions"]!.AsArray().Select(a => (string?)a));
        Assert.Null(alarm["dimensions"]);
    }

    [Fact]
    public void AnotherThresholdInTheModelMovesTheAlarmAndTheDashboardLine()
    {
        var stacks = PlatformVariant.Synthesize(env => env.Replace("platform.yaml", "failedSignInsPerHour: 10 ", "failedSignInsPerHour: 25 "));

        foreach (var name in new[] { "production", "dr" })
        {
            Assert.Equal(25, (double?)Alarms(name, stacks[name])["failed-sign-ins"]["threshold"]);
            Assert.Equal(25, (double?)SignInWidget(stacks[name])["properties"]!["annotations"]!["horizontal"]![0]!["value"]);
        }
    }

    private static JsonNode SignInWidget(TerraformJson stack) =>
        Assert.Single(JsonNode.Parse((string)stack.Resource("aws_cloudwatch_dashboard")["dashboard_body"]!)!["widgets"]!.AsArray(),
            w => ((string?)w!["properties"]!["title"])?.StartsWith("Sign-ins", StringComparison.Ordinal) == true)!;

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void DashboardShowsHourlySignInsAndFailuresWithTheAlarmThreshold(string name)
    {
        var properties = SignInWidget(platform.Stack(name))["properties"]!;
        var project = platform.Model.Platform.Project;

        Assert.Equal(3600, (int?)properties["period"]);
        Assert.Equal([$"{project}/SignIns/Sum", $"{project}/FailedSignIns/Sum"],
            properties["metrics"]!.AsArray().Select(m => $"{m![0]}/{m[1]}/{m[2]!["stat"]}"));
        Assert.Equal(platform.Model.Platform.Alarms.FailedSignInsPerHour, (double?)properties["annotations"]!["horizontal"]![0]!["value"]);
    }
}
