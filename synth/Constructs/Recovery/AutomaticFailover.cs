using System.Text.Json;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchEventRule;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchEventTarget;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// When the primary's "unhealthy" alarm goes into ALARM, its event travels from the primary region's
/// default event bus to the standby's (EventBridge cannot start a state machine in another region), where a
/// rule starts the failover, through a trigger machine that names the execution after the event. Built only
/// when the model switches automatic failover on.
/// </summary>
public sealed class AutomaticFailover : Construct
{
    public AutomaticFailover(Construct scope, string id, AutomaticFailoverConfig config) : base(scope, id)
    {
        var pattern = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["source"] = new[] { "aws.cloudwatch" },
            ["detail-type"] = new[] { "CloudWatch Alarm State Change" },
            ["detail"] = new Dictionary<string, object>
            {
                ["alarmName"] = new[] { config.PrimaryAlarmName },
                ["state"] = new Dictionary<string, object> { ["value"] = new[] { "ALARM" } },
            },
        });
        var standbyBus = $"arn:{config.Partition}:events:{config.StandbyRegion}:{config.AccountId}:event-bus/default";
        var forward = new ServiceRole(this, "forward-role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-forward",
            Service = "events.amazonaws.com",
            Statements = [PolicyStatements.Allow("ForwardToStandbyBus", ["events:PutEvents"], [standbyBus])]
        });

        var inPrimary = new CloudwatchEventRule(this, "primary-unhealthy", new CloudwatchEventRuleConfig
        {
            Name = $"{config.Name}-primary-unhealthy",
            Description = "The primary's unhealthy alarm, forwarded to the standby region",
            Region = config.PrimaryRegion,
            EventPattern = pattern,
        });
        new CloudwatchEventTarget(this, "to-standby-bus", new CloudwatchEventTargetConfig
        {
            Rule = inPrimary.Name,
            Region = config.PrimaryRegion,
            Arn = standbyBus,
            RoleArn = forward.Arn,
        });

        var inStandby = new CloudwatchEventRule(this, "failover-on-alarm", new CloudwatchEventRuleConfig
        {
            Name = $"{config.Name}-failover-on-alarm",
            Description = "Starts the failover when the primary's unhealthy alarm fires",
            EventPattern = pattern,
        });
        // EventBridge cannot name the executions it starts: an Express machine starts the failover under a name
        // that carries the event (TriggerWorkflow), so one event can start one failover only.
        var starter = new RecoveryStateMachine(this, "starter", new RecoveryStateMachineConfig
        {
            Name = $"{config.Name}-failover-trigger",
            Workflow = TriggerWorkflow.Build(config.StateMachineArn, config.TopicArn),
            KmsKeyArn = config.KmsKeyArn,
            LogRetentionDays = config.LogRetentionDays,
            ResourcesByAction = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["states:StartExecution"] = [config.StateMachineArn],
                ["sns:Publish"] = [config.TopicArn],
            },
            Express = true
        });
        var start = new ServiceRole(this, "start-role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-start-failover",
            Service = "events.amazonaws.com",
            Statements = [PolicyStatements.Allow("StartTheTrigger", ["states:StartExecution"], [starter.Arn])]
        });
        new CloudwatchEventTarget(this, "start-failover", new CloudwatchEventTargetConfig
        {
            Rule = inStandby.Name,
            Arn = starter.Arn,
            RoleArn = start.Arn,
            InputTransformer = new CloudwatchEventTargetInputTransformer
            {
                InputPaths = new Dictionary<string, string> { ["alarm"] = "$.detail.alarmName", ["event"] = "$.id" },
                InputTemplate = """{"id":<event>,"failover":{"trigger":"alarm <alarm> (event <event>)","primaryReachable":false}}""",
            },
        });
    }
}
