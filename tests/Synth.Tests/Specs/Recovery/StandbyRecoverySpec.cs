using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Recovery;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// StandbyRecovery promises a standby's failover and failback machines, the readiness report on its schedule, the drill report
/// of every finished execution of both, and the automatic trigger only when asked, each allowed to touch this service and these clusters.
/// </summary>
public sealed class StandbyRecoverySpec
{
    private const string Topic = "arn:aws:sns:eu-west-1:111122223333:student-record-system-dr-alerts";
    private const string ScalableTarget = "arn:aws:application-autoscaling:eu-west-1:111122223333:scalable-target/spec";

    private static TerraformJson Recovery(StandbyRecoveryConfig config) =>
        ConstructSpec.Synth(stack => StandbyRecovery.Add(stack, config));

    private static StandbyRecoveryConfig Minimal => new()
    {
        Model = SpecInputs.Model,
        Standby = SpecInputs.Model.Standbys[0],
        AccountId = SpecInputs.AccountId,
        Partition = "aws",
        Package = SpecInputs.Package,
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        TopicArn = Topic,
        EcsCluster = "spec-cluster",
        EcsService = "spec-service",
        ScalableTargetArn = ScalableTarget,
        TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/spec/1",
        AutomaticTrigger = false,
    };

    private static string Prefix => $"{SpecInputs.Model.Platform.Project}-{SpecInputs.Model.Standbys[0].Name}";

    private static JsonObject Machine(TerraformJson stack, string name) =>
        Assert.Single(stack.Resources("aws_sfn_state_machine"), m => m["name"]!.GetValue<string>() == name);

    [Fact]
    public void Adds_the_failover_and_failback_machines_and_the_readiness_and_drill_report_functions()
    {
        var stack = Recovery(Minimal);
        Assert.Equal([$"{Prefix}-failback", $"{Prefix}-failover"], stack.Resources("aws_sfn_state_machine").Select(m => m["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(stack.Resources("aws_sfn_state_machine"), m => Assert.Equal("STANDARD", m["type"]!.GetValue<string>()));
        Assert.Equal([$"{Prefix}-drill-report", $"{Prefix}-readiness"], stack.Resources("aws_lambda_function").Select(f => f["function_name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var schedule = stack.Resource("aws_scheduler_schedule");
        var readiness = Assert.Single(stack.Resources("aws_lambda_function"), f => f["function_name"]!.GetValue<string>() == $"{Prefix}-readiness");
        Assert.Equal(stack.ReferenceTo("aws_lambda_function", readiness, "arn"), schedule["target"]!["arn"]!.GetValue<string>());
        Assert.All(stack.Resources("aws_cloudwatch_log_group"), g => Assert.Equal(SpecInputs.Model.Standbys[0].Storage.LogRetentionDays, g["retention_in_days"]!.GetValue<int>()));
    }

    [Fact]
    public void Reports_on_every_finished_failover_and_failback()
    {
        var stack = Recovery(Minimal);
        var rule = Assert.Single(stack.Resources("aws_cloudwatch_event_rule"));
        var watched = SpecInputs.Strings(JsonNode.Parse(rule["event_pattern"]!.GetValue<string>())!["detail"]!["stateMachineArn"]);
        Assert.Equal(
            new[] { $"{Prefix}-failover", $"{Prefix}-failback" }.Select(name => stack.ReferenceTo("aws_sfn_state_machine", Machine(stack, name), "arn")),
            watched);
        var drillReport = Assert.Single(stack.Resources("aws_lambda_function"), f => f["function_name"]!.GetValue<string>() == $"{Prefix}-drill-report");
        Assert.Equal(stack.ReferenceTo("aws_lambda_function", drillReport, "arn"), stack.Resource("aws_cloudwatch_event_target")["arn"]!.GetValue<string>());
    }

    [Fact]
    public void The_workflows_may_change_only_the_given_service_and_scalable_target()
    {
        var stack = Recovery(Minimal);
        var service = $"arn:aws:ecs:eu-west-1:{SpecInputs.AccountId}:service/spec-cluster/spec-service";
        var calls = stack.DataSources("aws_iam_policy_document")
            .SelectMany(d => d["statement"]!.AsArray())
            .Where(s => s!["sid"]!.GetValue<string>().StartsWith(RecoveryStateMachine.CallSidPrefix, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls.Where(s => SpecInputs.Strings(s!["actions"]).Contains("ecs:UpdateService")), s => Assert.Equal([service], SpecInputs.Strings(s!["resources"])));
        Assert.All(calls.Where(s => SpecInputs.Strings(s!["actions"]).Contains("application-autoscaling:RegisterScalableTarget")), s => Assert.Equal([ScalableTarget], SpecInputs.Strings(s!["resources"])));
        Assert.Contains(calls, s => SpecInputs.Strings(s!["actions"]).Contains("ecs:UpdateService"));
    }

    [Fact]
    public void Adds_the_automatic_trigger_only_when_asked()
    {
        Assert.DoesNotContain(Recovery(Minimal).Resources("aws_cloudwatch_event_rule"), r => r["name"]!.GetValue<string>().EndsWith("-failover-on-alarm", StringComparison.Ordinal));

        var stack = Recovery(Minimal with { AutomaticTrigger = true });
        var inPrimary = Assert.Single(stack.Resources("aws_cloudwatch_event_rule"), r => r["name"]!.GetValue<string>() == $"{Prefix}-primary-unhealthy");
        Assert.Equal(SpecInputs.Model.Primary.Region, inPrimary["region"]!.GetValue<string>());
        var primaryAlarm = $"{SpecInputs.Model.Platform.Project}-{SpecInputs.Model.Primary.Name}-unhealthy";
        Assert.Equal([primaryAlarm], SpecInputs.Strings(JsonNode.Parse(inPrimary["event_pattern"]!.GetValue<string>())!["detail"]!["alarmName"]));
        var trigger = Machine(stack, $"{Prefix}-failover-trigger");
        Assert.Contains($"\"StateMachineArn\":\"{stack.ReferenceTo("aws_sfn_state_machine", Machine(stack, $"{Prefix}-failover"), "arn")}\"", trigger["definition"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
