using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Recovery;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// AutomaticFailover promises that the primary's unhealthy alarm, going into ALARM, is forwarded from the primary
/// region to the standby's default bus and there starts the failover through an Express trigger, each hop by a role
/// allowed that hop only.
/// </summary>
public sealed class AutomaticFailoverSpec
{
    private const string Failover = "arn:aws:states:eu-central-1:111122223333:stateMachine:spec-dr-failover";
    private const string Topic = "arn:aws:sns:eu-central-1:111122223333:spec-dr-alerts";
    private const string StandbyBus = "arn:aws:events:eu-central-1:111122223333:event-bus/default";

    private static TerraformJson Trigger(AutomaticFailoverConfig config) =>
        ConstructSpec.Synth(stack => new AutomaticFailover(stack, "automatic", config));

    private static readonly AutomaticFailoverConfig Minimal = new()
    {
        Name = "spec-dr",
        PrimaryRegion = "us-east-2",
        StandbyRegion = ConstructSpec.Region,
        PrimaryAlarmName = "spec-production-unhealthy",
        StateMachineArn = Failover,
        AccountId = SpecInputs.AccountId,
        Partition = "aws",
        TopicArn = Topic,
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        LogRetentionDays = 14,
    };

    private static JsonObject Rule(TerraformJson stack, string suffix) =>
        Assert.Single(stack.Resources("aws_cloudwatch_event_rule"), r => r["name"]!.GetValue<string>() == $"spec-dr-{suffix}");

    private static JsonObject RoleOf(TerraformJson stack, JsonObject target) =>
        stack.Referenced(target["role_arn"]!.GetValue<string>());

    [Fact]
    public void Forwards_the_primary_alarm_going_into_alarm_from_the_primary_region_to_the_standby_bus()
    {
        var stack = Trigger(Minimal);
        var inPrimary = Rule(stack, "primary-unhealthy");
        Assert.Equal("us-east-2", inPrimary["region"]!.GetValue<string>());
        var pattern = JsonNode.Parse(inPrimary["event_pattern"]!.GetValue<string>())!;
        Assert.Equal(["aws.cloudwatch"], SpecInputs.Strings(pattern["source"]));
        Assert.Equal(["spec-production-unhealthy"], SpecInputs.Strings(pattern["detail"]!["alarmName"]));
        Assert.Equal(["ALARM"], SpecInputs.Strings(pattern["detail"]!["state"]!["value"]));

        var forward = Assert.Single(stack.Resources("aws_cloudwatch_event_target"), t => t["arn"]!.GetValue<string>() == StandbyBus);
        Assert.Equal("us-east-2", forward["region"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_cloudwatch_event_rule", inPrimary, "name"), forward["rule"]!.GetValue<string>());
        Assert.Equal("spec-dr-forward", RoleOf(stack, forward)["name"]!.GetValue<string>());
    }

    [Fact]
    public void Starts_the_failover_in_the_standby_through_an_express_trigger_named_after_the_event()
    {
        var stack = Trigger(Minimal);
        var inStandby = Rule(stack, "failover-on-alarm");
        Assert.Null(inStandby["region"]);
        Assert.Equal(inStandby["event_pattern"]!.GetValue<string>(), Rule(stack, "primary-unhealthy")["event_pattern"]!.GetValue<string>());

        var starter = stack.Resource("aws_sfn_state_machine");
        Assert.Equal("spec-dr-failover-trigger", starter["name"]!.GetValue<string>());
        Assert.Equal("EXPRESS", starter["type"]!.GetValue<string>());
        Assert.Contains(Failover, starter["definition"]!.GetValue<string>(), StringComparison.Ordinal);

        var start = Assert.Single(stack.Resources("aws_cloudwatch_event_target"), t => t["rule"]!.GetValue<string>() == stack.ReferenceTo("aws_cloudwatch_event_rule", inStandby, "name"));
        Assert.Equal(stack.ReferenceTo("aws_sfn_state_machine", starter, "arn"), start["arn"]!.GetValue<string>());
        Assert.Equal("$.id", start["input_transformer"]!["input_paths"]!["event"]!.GetValue<string>());
        Assert.Contains("\"primaryReachable\":false", start["input_transformer"]!["input_template"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_role_is_assumed_by_eventbridge_and_allowed_its_one_hop()
    {
        var stack = Trigger(Minimal);
        var policies = stack.DataSources("aws_iam_policy_document");
        var forward = Assert.Single(policies, p => p["statement"]![0]!["sid"]!.GetValue<string>() == "ForwardToStandbyBus");
        Assert.Equal(["events:PutEvents"], SpecInputs.Strings(forward["statement"]![0]!["actions"]));
        Assert.Equal([StandbyBus], SpecInputs.Strings(forward["statement"]![0]!["resources"]));

        var start = Assert.Single(policies, p => p["statement"]![0]!["sid"]!.GetValue<string>() == "StartTheTrigger");
        Assert.Equal(["states:StartExecution"], SpecInputs.Strings(start["statement"]![0]!["actions"]));
        Assert.Equal([stack.ReferenceTo("aws_sfn_state_machine", stack.Resource("aws_sfn_state_machine"), "arn")], SpecInputs.Strings(start["statement"]![0]!["resources"]));

        foreach (var name in new[] { "spec-dr-forward", "spec-dr-start-failover" })
        {
            var role = Assert.Single(stack.Resources("aws_iam_role"), r => r["name"]!.GetValue<string>() == name);
            var trust = stack.Referenced(role["assume_role_policy"]!.GetValue<string>());
            Assert.Equal(["events.amazonaws.com"], SpecInputs.Strings(trust["statement"]![0]!["principals"]![0]!["identifiers"]));
        }
    }

    [Fact]
    public void Follows_the_given_alarm_account_and_partition()
    {
        var stack = Trigger(Minimal with { PrimaryAlarmName = "other-unhealthy", AccountId = "444455556666", Partition = "aws-us-gov", StandbyRegion = "us-gov-west-1" });
        var pattern = JsonNode.Parse(Rule(stack, "primary-unhealthy")["event_pattern"]!.GetValue<string>())!;
        Assert.Equal(["other-unhealthy"], SpecInputs.Strings(pattern["detail"]!["alarmName"]));
        Assert.Single(stack.Resources("aws_cloudwatch_event_target"), t => t["arn"]!.GetValue<string>() == "arn:aws-us-gov:events:us-gov-west-1:444455556666:event-bus/default");
    }
}
