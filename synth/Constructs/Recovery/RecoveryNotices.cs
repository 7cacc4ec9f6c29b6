using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>The start and end of a failover or failback: the one-at-a-time guard and the notices to the alert topic.</summary>
public static class RecoveryNotices
{
    public const string Failed = "Failed";

    /// <summary>
    /// Refuses to run while another execution of the same state machine runs (the list includes this one), then
    /// notifies that <paramref name="action"/> started and by which trigger (<c>$.trigger</c> of the input).
    /// </summary>
    public static void Begin(RecoverySteps steps, string topicArn, string action, string next)
    {
        steps.Call("Refuse a second run", SdkService.StepFunctions, "listExecutions",
                new JsonObject { ["StateMachineArn.$"] = "$$.StateMachine.Id", ["StatusFilter"] = "RUNNING" }, "Is another running",
                keep: new JsonObject { ["running.$"] = "States.ArrayLength($.Executions)" }, resultPath: "$.guard")
            .Add("Is another running", new ChoiceState([new ChoiceRule(Condition.NumericAtLeast("$.guard.running", 2), "Another is running")], $"Notify that the {action} started"))
            .Add("Another is running", new FailState("AlreadyRunning", Cause: $"another {action} is running: wait for it to finish, or stop it in the Step Functions console"))
            .Call($"Notify that the {action} started", SdkService.Sns, "publish", Notice(topicArn, $"DR {action} started",
                $"States.Format('The {action} started (trigger: {{}}, execution {{}}).', $.trigger, $$.Execution.Name)"), next);
    }

    /// <summary>The done notice, and the FAILED notice every failure ends in: which step failed, and why.</summary>
    public static void End(RecoverySteps steps, string topicArn, string action, string doneMessage)
    {
        steps.Call($"Notify that the {action} is done", SdkService.Sns, "publish", Notice(topicArn, $"DR {action} done",
                $"States.Format('{doneMessage} (execution {{}}).', $$.Execution.Name)"), "Done")
            .Add("Done", new SucceedState());
        // The FAILED notice's own failure cannot be notified: the execution fails with the step's error all the same.
        steps.Workflow.Add(RecoverySteps.NotifyFailed, SdkCall.Task(SdkService.Sns, "publish", Notice(topicArn, $"DR {action} FAILED",
                $"States.Format('The {action} stopped at the step {{}}: {{}} Start it again once the cause is fixed: each step checks before it acts (execution {{}}).', $.failure.Error, $.failure.Cause, $$.Execution.Name)"),
                Failed, onError: Failed) with
        { Catch = new Catcher(Failed, "$.noticeFailure") })
            .Add(Failed, new FailState($"{Capitalized(action)}Failed", CausePath: "States.Format('{}: {}', $.failure.Error, $.failure.Cause)"));
    }

    private static JsonObject Notice(string topicArn, string subject, string messageFormat) => new()
    {
        ["TopicArn"] = topicArn,
        ["Subject"] = subject,
        ["Message.$"] = messageFormat,
    };

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
