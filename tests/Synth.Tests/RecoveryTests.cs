using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>The standby's recovery as synthesized: two state machines, the readiness Lambda, their roles and the automatic trigger.</summary>
[Collection(SynthCollection.Name)]
public sealed class RecoveryTests(SynthesizedPlatform platform)
{
    private readonly TerraformJson dr = platform.Stack("dr");

    private JsonObject Function(string name) => Assert.Single(dr.Resources("aws_lambda_function"), f => (string?)f["function_name"] == $"student-record-system-dr-{name}");

    private JsonObject Machine(string suffix) => Assert.Single(dr.Resources("aws_sfn_state_machine"), m => ((string)m["name"]!).EndsWith(suffix, StringComparison.Ordinal));

    [Fact]
    public void TheStandbyRunsAStandardFailoverAndFailbackLoggedToAnEncryptedGroupAndTraced()
    {
        Assert.Empty(platform.Stack("production").Resources("aws_sfn_state_machine"));
        foreach (var machine in new[] { Machine("-failover"), Machine("-failback") })
        {
            Assert.Equal("STANDARD", (string?)machine["type"]);
            Assert.True((bool?)machine["tracing_configuration"]!["enabled"]);
            var logging = machine["logging_configuration"]!;
            Assert.Equal("ALL", (string?)logging["level"]);
            Assert.True((bool?)logging["include_execution_data"]);
            var destination = (string)logging["log_destination"]!;
            Assert.EndsWith(":*", destination);
            var group = dr.Referenced(destination[..^2]);
            Assert.StartsWith("/aws/vendedlogs/states/", (string?)group["name"]);
            Assert.StartsWith("${aws_kms_key.", (string?)group["kms_key_id"]);
        }
    }

    [Fact]
    public void TheDefinitionNamesWhatTheStackCreatesAndProductionsSize()
    {
        var definition = JsonNode.Parse((string)Machine("-failover")["definition"]!)!.ToJsonString();
        var production = platform.Model.Primary.Service;

        Assert.Contains(dr.ReferenceTo("aws_sns_topic", dr.Resource("aws_sns_topic"), "arn"), definition);
        Assert.Contains(dr.ReferenceTo("aws_lb_target_group", dr.Resource("aws_lb_target_group"), "arn"), definition);
        Assert.Contains($"\"DBClusterIdentifier\":\"{dr.Resource("aws_rds_cluster")["cluster_identifier"]}\"", definition);
        Assert.Contains($"\"DesiredCount\":{production.DesiredCount}", definition);
        Assert.Contains($"\"MinCapacity\":{production.Autoscaling.Min}", definition);
        Assert.Contains("\"Name\":\"/student-record-system/active-region\"", definition);
    }

    [Fact]
    public void EachRoleNamesTheResourcesOfExactlyTheActionsItsWorkflowCalls()
    {
        foreach (var suffix in new[] { "-failover", "-failback" })
        {
            var machine = Machine(suffix);
            var role = dr.Referenced(((string)machine["role_arn"]!).Replace(".arn}", ".id}"));
            Assert.Equal("states.amazonaws.com", PrincipalOf(role));
            var statements = PolicyOf(role);
            var called = Calls(JsonNode.Parse((string)machine["definition"]!)!.AsObject());
            var workflowStatements = statements.Where(s => ((string)s["sid"]!).StartsWith(Constructs.Recovery.RecoveryStateMachine.CallSidPrefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(called.Order(StringComparer.Ordinal), workflowStatements.SelectMany(s => s["actions"]!.AsArray().Select(a => (string)a!)).Order(StringComparer.Ordinal));
            var listing = workflowStatements.Single(s => s["actions"]!.AsArray().Any(a => (string?)a == "states:ListExecutions"));
            Assert.EndsWith($":stateMachine:{machine["name"]}", (string?)Assert.Single(listing["resources"]!.AsArray()));
        }
        var promote = PolicyOf(dr.Referenced(((string)Machine("-failover")["role_arn"]!).Replace(".arn}", ".id}")))
            .Single(s => s["actions"]!.AsArray().Any(a => (string?)a == "rds:PromoteReadReplicaDBCluster"));
        Assert.EndsWith(":cluster:student-record-system-dr-aurora", (string?)Assert.Single(promote["resources"]!.AsArray()));
    }

    /// <summary>The IAM actions a definition's tasks call, read from its resources (Step Functions' names mapped to IAM's).</summary>
    private static IEnumerable<string> Calls(JsonObject definition) =>
        definition["States"]!.AsObject().SelectMany(s => s.Value!["Type"]!.ToString() switch
        {
            "Task" => [ToIam((string)s.Value["Resource"]!)],
            "Parallel" => s.Value["Branches"]!.AsArray().SelectMany(b => Calls(b!.AsObject())),
            _ => [],
        }).Distinct();

    private static string ToIam(string resource)
    {
        var parts = resource.Split(':');
        var service = parts[^2] switch { "sfn" => "states", "applicationautoscaling" => "application-autoscaling", "elasticloadbalancingv2" => "elasticloadbalancing", var s => s };
        var action = parts[^1].Split('.')[0];
        return $"{service}:{char.ToUpperInvariant(action[0])}{action[1..]}";
    }

    private string PrincipalOf(JsonObject role) =>
        (string)dr.Referenced(((string)role["assume_role_policy"]!).Replace(".json}", ".id}"))["statement"]![0]!["principals"]![0]!["identifiers"]![0]!;

    private IReadOnlyList<JsonObject> PolicyOf(JsonObject role)
    {
        var roleName = (string)role["name"]!;
        var policy = dr.Resources("aws_iam_role_policy").Single(p => dr.Referenced((string)p["role"]!)["name"]?.ToString() == roleName);
        return [.. dr.Referenced(((string)policy["policy"]!).Replace(".json}", ".id}"))["statement"]!.AsArray().Select(s => s!.AsObject())];
    }

    [Fact]
    public void RecoveryFunctionsRunWithoutReservedConcurrencyEncryptedAndTraced()
    {
        Assert.DoesNotContain(platform.Stack("production").Resources("aws_lambda_function"), f => ((string)f["handler"]!) is "index.readiness" or "index.drillReport");
        foreach (var (name, handler) in new[] { ("readiness", "index.readiness"), ("drill-report", "index.drillReport") })
        {
            var each = Function(name);
            Assert.Equal(handler, (string?)each["handler"]);
            Assert.Equal("nodejs22.x", (string?)each["runtime"]);
            Assert.Null(each["reserved_concurrent_executions"]); // a new account's quota of 10 cannot reserve any
            Assert.StartsWith("${aws_kms_key.", (string?)each["kms_key_arn"]);
            Assert.Equal("Active", (string?)each["tracing_config"]!["mode"]);
        }
        var function = Function("readiness");
        var variables = function["environment"]!["variables"]!;
        Assert.Equal((string?)dr.Resource("aws_rds_cluster")["cluster_identifier"], (string?)variables["STANDBY_CLUSTER"]);
        Assert.Equal("binlog", (string?)variables["REPLICATION_MODE"]);
    }

    [Fact]
    public void RecoveryFunctionsDeployAPackageOfTheirSourceWithItsSha256()
    {
        var function = Function("readiness");
        var package = File.ReadAllBytes(Path.Combine(platform.Outdir, "stacks", "dr", (string)function["filename"]!));
        var source = Path.Combine(RepositoryPaths.Root, "synth", "Lambda", "recovery");

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(package)), (string?)function["source_code_hash"]);
        using var zip = new ZipArchive(new MemoryStream(package));
        Assert.Equal(Directory.GetFiles(source).Select(Path.GetFileName).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void NoAutomaticTriggerUnlessTheModelSwitchesItOn() =>
        Assert.DoesNotContain(dr.Resources("aws_cloudwatch_event_rule"), r => ((string)r["event_pattern"]!).Contains("aws.cloudwatch", StringComparison.Ordinal));

    [Fact]
    public void EveryEndOfAFailoverOrFailbackIsReportedIntoTheLogBucketAndSsm()
    {
        var function = Function("drill-report");
        var rule = Assert.Single(dr.Resources("aws_cloudwatch_event_rule"), r => ((string)r["event_pattern"]!).Contains("aws.states", StringComparison.Ordinal));
        var pattern = JsonNode.Parse((string)rule["event_pattern"]!)!;

        Assert.Equal(["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"], pattern["detail"]!["status"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(
            new[] { Machine("-failover"), Machine("-failback") }.Select(m => dr.ReferenceTo("aws_sfn_state_machine", m, "arn")).Order(StringComparer.Ordinal),
            pattern["detail"]!["stateMachineArn"]!.AsArray().Select(a => (string)a!).Order(StringComparer.Ordinal));
        var target = Assert.Single(dr.Resources("aws_cloudwatch_event_target"), t => (string?)t["rule"] == dr.ReferenceTo("aws_cloudwatch_event_rule", rule, "name"));
        Assert.Equal(dr.ReferenceTo("aws_lambda_function", function, "arn"), (string?)target["arn"]);
        var variables = function["environment"]!["variables"]!;
        Assert.Single(dr.Resources("aws_s3_bucket"), b => (string?)b["bucket"] == (string?)variables["LOG_BUCKET"] && ((string)b["bucket"]!).EndsWith("-logs", StringComparison.Ordinal));
        Assert.Equal(platform.Model.Platform.Recovery.RtoMinutes.ToString(), (string?)variables["RTO_MINUTES"]);
        var role = dr.Referenced(((string)function["role"]!).Replace(".arn}", ".id}"));
        var write = PolicyOf(role).Single(s => (string?)s["sid"] == "WriteTheReports");
        Assert.EndsWith($":::{variables["LOG_BUCKET"]}/recovery-reports/*", (string?)Assert.Single(write["resources"]!.AsArray()));
    }

    [Fact]
    public void AutomaticFailoverForwardsThePrimarysUnhealthyAlarmAndStartsTheFailoverUnderANameCarryingTheEvent()
    {
        var drStack = PlatformVariant.Synthesize(env => env.Replace("platform.yaml", "automaticFailover: false", "automaticFailover: true"))["dr"];
        var targets = drStack.Resources("aws_cloudwatch_event_target");

        var inPrimary = Assert.Single(drStack.Resources("aws_cloudwatch_event_rule"), r => (string?)r["region"] == "eu-central-1");
        Assert.Contains("student-record-system-production-unhealthy", (string?)inPrimary["event_pattern"]);
        Assert.Contains("\"ALARM\"", (string?)inPrimary["event_pattern"]);
        Assert.Single(drStack.Resources("aws_cloudwatch_event_rule"), r => r["region"] is null && ((string)r["event_pattern"]!).Contains("aws.cloudwatch", StringComparison.Ordinal));

        // EventBridge starts the Express trigger, which starts the failover named after the event.
        var start = Assert.Single(targets, t => ((string)t["arn"]!).StartsWith("${aws_sfn_state_machine.", StringComparison.Ordinal));
        var trigger = drStack.Referenced((string)start["arn"]!);
        Assert.Equal("student-record-system-dr-failover-trigger", (string?)trigger["name"]);
        Assert.Equal("EXPRESS", (string?)trigger["type"]);
        Assert.True((bool?)trigger["logging_configuration"]!["include_execution_data"]);
        Assert.Equal("{\"id\":<event>,\"failover\":{\"trigger\":\"alarm <alarm> (event <event>)\",\"primaryReachable\":false}}", (string?)start["input_transformer"]!["input_template"]);
        Assert.Equal("$.id", (string?)start["input_transformer"]!["input_paths"]!["event"]);
        var call = JsonNode.Parse((string)trigger["definition"]!)!["States"]![Constructs.Recovery.TriggerWorkflow.StartTheFailover]!;
        Assert.Equal("arn:aws:states:::aws-sdk:sfn:startExecution", (string?)call["Resource"]);
        Assert.Equal("States.Format('alarm-{}', $.id)", (string?)call["Parameters"]!["Name.$"]);
        var failover = drStack.Resources("aws_sfn_state_machine").Single(m => (string?)m["name"] == "student-record-system-dr-failover");
        Assert.Equal(drStack.ReferenceTo("aws_sfn_state_machine", failover, "arn"), (string?)call["Parameters"]!["StateMachineArn"]);
        var role = drStack.Referenced(((string)start["role_arn"]!).Replace(".arn}", ".id}"));
        Assert.Contains("start-failover", (string?)role["name"]);
        Assert.Equal("ReportOnExecutionEnd", (string?)Assert.Single(drStack.Resources("aws_lambda_permission"))["statement_id"]); // no Lambda in the trigger
    }

    [Fact]
    public void ReadinessRunsEveryMorningFromAnEncryptedScheduleAndNotReadyOrSilenceAlarms()
    {
        var schedule = dr.Resource("aws_scheduler_schedule");
        var function = Function("readiness");

        Assert.Equal("cron(0 6 * * ? *)", (string?)schedule["schedule_expression"]);
        Assert.Equal(dr.ReferenceTo("aws_lambda_function", function, "arn"), (string?)schedule["target"]!["arn"]);
        Assert.StartsWith("${aws_kms_key.", (string?)schedule["kms_key_arn"]); // CKV_AWS_297
        var role = dr.Referenced(((string)schedule["target"]!["role_arn"]!).Replace(".arn}", ".id}"));
        Assert.Equal("scheduler.amazonaws.com", PrincipalOf(role));
        Assert.Contains(PolicyOf(role), s => (string?)s["actions"]![0] == "lambda:InvokeFunction" && (string?)s["resources"]![0] == dr.ReferenceTo("aws_lambda_function", function, "arn"));

        var alarm = Assert.Single(dr.Resources("aws_cloudwatch_metric_alarm"), a => (string?)a["metric_name"] == "DrReady");
        Assert.Equal((string?)function["environment"]!["variables"]!["METRIC_NAMESPACE"], (string?)alarm["namespace"]);
        Assert.Equal("LessThanThreshold", (string?)alarm["comparison_operator"]);
        Assert.Equal(1, (double?)alarm["threshold"]);
        Assert.Equal("breaching", (string?)alarm["treat_missing_data"]); // no report is no readiness
        Assert.Equal(86400, (int?)alarm["period"]);
        Assert.Equal(dr.ReferenceTo("aws_sns_topic", dr.Resource("aws_sns_topic"), "arn"), (string?)alarm["alarm_actions"]![0]);
    }
}
