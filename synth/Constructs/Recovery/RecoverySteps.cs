using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// Adds the failover's and failback's steps to a workflow so that every failure names its step: at the top
/// level it becomes <c>$.failure = {Error: step, Cause: "error: cause"}</c> and goes to the FAILED notice;
/// in a Parallel branch the branch fails with the step as its error, which the Parallel's Catch hands on.
/// </summary>
public sealed class RecoverySteps(Workflow workflow, bool inBranch)
{
    public const string NotifyFailed = "Notify that it failed";

    /// <summary>The caught error and cause in one string, for the notice.</summary>
    private const string CaughtCause = "States.Format('{}: {}', $.failure.Error, $.failure.Cause)";

    public Workflow Workflow => workflow;

    /// <summary>One AWS API call; <paramref name="keep"/> selects what of its answer is put at <paramref name="resultPath"/>.</summary>
    public RecoverySteps Call(string name, SdkService service, string action, JsonObject parameters, string next, JsonObject? keep = null, string? resultPath = null)
    {
        var task = SdkCall.Task(service, action, parameters, next, OnError(name));
        workflow.Add(name, task with { ResultSelector = keep, ResultPath = resultPath is null ? ResultPath.Discard : ResultPath.At(resultPath) });
        AddHandler(name);
        return this;
    }

    public RecoverySteps Add(string name, WorkflowState state)
    {
        workflow.Add(name, state);
        return this;
    }

    /// <summary>Stops with <paramref name="cause"/> as the failure of step <paramref name="step"/>.</summary>
    public RecoverySteps Fail(string name, string step, string cause)
    {
        workflow.Add(name, inBranch
            ? new FailState(step, Cause: cause)
            : new PassState(new JsonObject { ["Error"] = step, ["Cause"] = cause }, ResultPath.At(Catcher.FailurePath), NotifyFailed));
        return this;
    }

    /// <summary>
    /// Looks with <paramref name="look"/> (its answer at <c>$.{key}.seen</c>) until <paramref name="done"/> holds, at
    /// most <paramref name="polls"/> times, <paramref name="pollSeconds"/> apart; then goes to <paramref name="next"/>,
    /// or fails naming the step. The count lives in the state (<c>$.{key}.checks</c>), so the bound holds across retries.
    /// </summary>
    public RecoverySteps Poll(string name, string key, SdkService service, string action, JsonObject parameters, JsonObject keep,
        Func<string, Condition> done, int polls, int pollSeconds, string next, string gaveUp)
    {
        var look = $"{name}: look";
        var decide = $"{name}: decide";
        var wait = $"{name}: wait";
        var count = $"{name}: count";
        var path = $"$.{key}";
        workflow.Add(name, new PassState(new JsonObject { ["checks"] = 0 }, ResultPath.At(path), look));
        Call(look, service, action, parameters, decide, keep, $"{path}.seen");
        workflow.Add(decide, new ChoiceState(
            [new ChoiceRule(done($"{path}.seen"), next), new ChoiceRule(Condition.NumericAtLeast($"{path}.checks", polls), $"{name}: gave up")], wait));
        workflow.Add(wait, new WaitState(pollSeconds, count));
        workflow.Add(count, new PassState(new JsonObject { ["checks.$"] = $"States.MathAdd({path}.checks, 1)" }, ResultPath.At(path), look));
        Fail($"{name}: gave up", name, $"{gaveUp} after {polls} checks {pollSeconds} s apart");
        return this;
    }

    /// <summary>
    /// Puts at <c>$.active.standbyActive</c> whether the active-region parameter names the standby. GetParameters
    /// (not GetParameter) answers for a parameter that was never written, as before the first failover.
    /// </summary>
    public RecoverySteps ReadActiveRegion(RecoveryTargets targets, string next) =>
        Call("Read the active region", SdkService.Ssm, "getParameters", new JsonObject { ["Names"] = new JsonArray(targets.ActiveRegionParameter) }, next,
            keep: new JsonObject { ["standbyActive.$"] = $"States.ArrayContains($.Parameters[*].Value, '{targets.StandbyRegion}')" }, resultPath: "$.active");

    private static string OnError(string step) => $"{step}: failed";

    private void AddHandler(string step) =>
        workflow.Add(OnError(step), inBranch
            ? new FailState(step, CausePath: CaughtCause)
            : new PassState(new JsonObject { ["Error"] = step, ["Cause.$"] = CaughtCause }, ResultPath.At(Catcher.FailurePath), NotifyFailed));
}
