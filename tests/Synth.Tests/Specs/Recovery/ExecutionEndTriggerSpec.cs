using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Recovery;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>ExecutionEndTrigger promises that the function is invoked whenever an execution of exactly the given state machines ends, however it ends, and by that rule only.</summary>
public sealed class ExecutionEndTriggerSpec
{
    private const string Failover = "arn:aws:states:eu-central-1:111122223333:stateMachine:spec-failover";
    private const string Failback = "arn:aws:states:eu-central-1:111122223333:stateMachine:spec-failback";
    private const string Function = "arn:aws:lambda:eu-central-1:111122223333:function:spec-drill-report";

    private static TerraformJson Trigger(ExecutionEndTriggerConfig config) =>
        ConstructSpec.Synth(stack => new ExecutionEndTrigger(stack, "trigger", config));

    private static readonly ExecutionEndTriggerConfig Minimal = new()
    {
        Name = "spec-drill-report",
        StateMachineArns = [Failover, Failback],
        FunctionName = "spec-drill-report",
        FunctionArn = Function,
    };

    [Fact]
    public void Matches_every_end_status_of_the_given_state_machines()
    {
        var rule = Trigger(Minimal).Resource("aws_cloudwatch_event_rule");
        Assert.Equal("spec-drill-report-on-execution-end", rule["name"]!.GetValue<string>());
        var pattern = JsonNode.Parse(rule["event_pattern"]!.GetValue<string>())!;
        Assert.Equal(["aws.states"], SpecInputs.Strings(pattern["source"]));
        Assert.Equal(["Step Functions Execution Status Change"], SpecInputs.Strings(pattern["detail-type"]));
        Assert.Equal([Failover, Failback], SpecInputs.Strings(pattern["detail"]!["stateMachineArn"]));
        Assert.Equal(["ABORTED", "FAILED", "SUCCEEDED", "TIMED_OUT"], SpecInputs.Strings(pattern["detail"]!["status"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Watches_only_the_machines_it_is_given()
    {
        var rule = Trigger(Minimal with { StateMachineArns = [Failback] }).Resource("aws_cloudwatch_event_rule");
        Assert.Equal([Failback], SpecInputs.Strings(JsonNode.Parse(rule["event_pattern"]!.GetValue<string>())!["detail"]!["stateMachineArn"]));
    }

    [Fact]
    public void Invokes_the_function_which_only_eventbridge_from_this_rule_may_invoke()
    {
        var stack = Trigger(Minimal);
        var rule = stack.Resource("aws_cloudwatch_event_rule");
        var target = stack.Resource("aws_cloudwatch_event_target");
        Assert.Equal(Function, target["arn"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_cloudwatch_event_rule", rule, "name"), target["rule"]!.GetValue<string>());

        var permission = stack.Resource("aws_lambda_permission");
        Assert.Equal("lambda:InvokeFunction", permission["action"]!.GetValue<string>());
        Assert.Equal("spec-drill-report", permission["function_name"]!.GetValue<string>());
        Assert.Equal("events.amazonaws.com", permission["principal"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_cloudwatch_event_rule", rule, "arn"), permission["source_arn"]!.GetValue<string>());
    }
}
