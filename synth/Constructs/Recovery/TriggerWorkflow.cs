using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// What the primary's alarm starts: one call that starts the failover with an execution name carrying the trigger
/// and the event (<c>alarm-&lt;event id&gt;</c>), which EventBridge's own Step Functions target cannot name. Step
/// Functions answers a second start with the same name and input with the first execution, so an event delivered
/// twice cannot start two failovers; the failover's own guard refuses one that overlaps a manual run.
/// </summary>
public static class TriggerWorkflow
{
    public const string StartTheFailover = "Start the failover";

    public const string NotifyNotStarted = "Notify that it did not start";

    public static Workflow Build(string failoverStateMachineArn, string topicArn) => new Workflow
    {
        Comment = "Starts the failover on the primary's unhealthy alarm (synth/Constructs/Recovery/TriggerWorkflow.cs)",
        TimeoutSeconds = 5 * 60,
    }
        .Add(StartTheFailover, new TaskState("arn:aws:states:::aws-sdk:sfn:startExecution", new JsonObject
        {
            ["StateMachineArn"] = failoverStateMachineArn,
            ["Name.$"] = "States.Format('alarm-{}', $.id)",
            ["Input.$"] = "States.JsonToString($.failover)",
        }, SdkCall.TimeoutSeconds, Next: null)
        {
            Retry = [SdkService.StepFunctions.Throttling],
            Catch = new Catcher(NotifyNotStarted),
            ResultSelector = new JsonObject { ["execution.$"] = "$.ExecutionArn" },
            ResultPath = ResultPath.At("$.started"),
        })
        .Add(NotifyNotStarted, SdkCall.Task(SdkService.Sns, "publish", new JsonObject
        {
            ["TopicArn"] = topicArn,
            ["Subject"] = "DR automatic failover did not start",
            ["Message.$"] = "States.Format('The primary is unhealthy (event {}) but the failover did not start: {}: {} Start it from the dr-failover workflow.', $.id, $.failure.Error, $.failure.Cause)",
        }, "Not started", onError: "Not started") with
        { Catch = new Catcher("Not started", "$.noticeFailure") })
        .Add("Not started", new FailState("FailoverNotStarted", CausePath: "States.Format('{}: {}', $.failure.Error, $.failure.Cause)"));
}
