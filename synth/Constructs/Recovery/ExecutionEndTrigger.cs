using System.Text.Json;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchEventRule;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchEventTarget;
using HashiCorp.Cdktf.Providers.Aws.LambdaPermission;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>Invokes a function with Step Functions' status-change event whenever an execution of the given state machines ends, however it ends.</summary>
public sealed class ExecutionEndTrigger : Construct
{
    private static readonly string[] EndStatuses = ["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];

    public ExecutionEndTrigger(Construct scope, string id, ExecutionEndTriggerConfig config) : base(scope, id)
    {
        var rule = new CloudwatchEventRule(this, "rule", new CloudwatchEventRuleConfig
        {
            Name = $"{config.Name}-on-execution-end",
            Description = "A failover or failback execution ended: write its report",
            EventPattern = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.states" },
                ["detail-type"] = new[] { "Step Functions Execution Status Change" },
                ["detail"] = new Dictionary<string, object> { ["stateMachineArn"] = config.StateMachineArns, ["status"] = EndStatuses },
            }),
        });
        new CloudwatchEventTarget(this, "target", new CloudwatchEventTargetConfig { Rule = rule.Name, Arn = config.FunctionArn });
        new LambdaPermission(this, "permission", new LambdaPermissionConfig
        {
            StatementId = "ReportOnExecutionEnd",
            Action = "lambda:InvokeFunction",
            FunctionName = config.FunctionName,
            Principal = "events.amazonaws.com",
            SourceArn = rule.Arn,
        });
    }
}
