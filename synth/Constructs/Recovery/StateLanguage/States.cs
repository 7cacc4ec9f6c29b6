using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Constructs.Recovery.StateLanguage;

/// <summary>
/// The Amazon States Language's state types, as typed data that writes itself as the JSON Step Functions
/// reads (https://states-language.net/spec.html). Only what the platform's workflows use is modelled.
/// Each state writes its keys in a fixed order, so the same workflow gives the same bytes.
/// </summary>
public abstract record WorkflowState
{
    public string? Comment { get; init; }

    public abstract JsonObject ToJson();

    protected JsonObject Start(string type)
    {
        var json = new JsonObject { ["Type"] = type };
        if (Comment is not null) json["Comment"] = Comment;
        return json;
    }

    protected static void Continue(JsonObject json, string? next)
    {
        if (next is null) json["End"] = true;
        else json["Next"] = next;
    }
}

/// <summary>Where a step's result goes in the state: <see cref="Discard"/> keeps the input as it was.</summary>
public sealed record ResultPath(string? Path)
{
    public static readonly ResultPath Discard = new((string?)null);

    public static ResultPath At(string path) => new(path);

    public JsonNode? ToJson() => Path is null ? null : JsonValue.Create(Path);
}

/// <summary>Retry on <paramref name="Errors"/> with exponential backoff and jitter.</summary>
public sealed record Retrier(IReadOnlyList<string> Errors, int IntervalSeconds, int MaxAttempts, double BackoffRate)
{
    public JsonObject ToJson() => new()
    {
        ["ErrorEquals"] = new JsonArray([.. Errors.Select(e => JsonValue.Create(e))]),
        ["IntervalSeconds"] = IntervalSeconds,
        ["MaxAttempts"] = MaxAttempts,
        ["BackoffRate"] = BackoffRate,
        ["JitterStrategy"] = "FULL",
    };
}

/// <summary>On any error, put it ({Error, Cause}) at <paramref name="ResultPath"/> and go to <paramref name="Next"/>.</summary>
public sealed record Catcher(string Next, string ResultPath = Catcher.FailurePath)
{
    public const string FailurePath = "$.failure";

    public JsonObject ToJson() => new()
    {
        ["ErrorEquals"] = new JsonArray("States.ALL"),
        ["ResultPath"] = ResultPath,
        ["Next"] = Next,
    };
}

/// <summary>One call to an AWS API, bounded by <paramref name="TimeoutSeconds"/>.</summary>
public sealed record TaskState(string Resource, JsonObject Parameters, int TimeoutSeconds, string? Next) : WorkflowState
{
    /// <summary>What of the API's answer the workflow keeps (JSONPath values end their key in <c>.$</c>).</summary>
    public JsonObject? ResultSelector { get; init; }

    public ResultPath ResultPath { get; init; } = ResultPath.Discard;

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public Catcher? Catch { get; init; }

    public override JsonObject ToJson()
    {
        var json = Start("Task");
        json["Resource"] = Resource;
        json["Parameters"] = Parameters.DeepClone();
        if (ResultSelector is not null) json["ResultSelector"] = ResultSelector.DeepClone();
        json["ResultPath"] = ResultPath.ToJson();
        json["TimeoutSeconds"] = TimeoutSeconds;
        if (Retry.Count > 0) json["Retry"] = new JsonArray([.. Retry.Select(r => r.ToJson())]);
        if (Catch is not null) json["Catch"] = new JsonArray(Catch.ToJson());
        Continue(json, Next);
        return json;
    }
}

/// <summary>Goes to the first rule's state whose condition holds, else to <paramref name="Default"/>.</summary>
public sealed record ChoiceState(IReadOnlyList<ChoiceRule> Rules, string Default) : WorkflowState
{
    public override JsonObject ToJson()
    {
        var json = Start("Choice");
        json["Choices"] = new JsonArray([.. Rules.Select(r => r.ToJson())]);
        json["Default"] = Default;
        return json;
    }
}

public sealed record ChoiceRule(Condition When, string Next)
{
    public JsonObject ToJson()
    {
        var json = When.ToJson();
        json["Next"] = Next;
        return json;
    }
}

public sealed record WaitState(int Seconds, string Next) : WorkflowState
{
    public override JsonObject ToJson()
    {
        var json = Start("Wait");
        json["Seconds"] = Seconds;
        Continue(json, Next);
        return json;
    }
}

/// <summary>Puts <paramref name="Parameters"/> (which may use JSONPath and intrinsic functions) at <paramref name="ResultPath"/>.</summary>
public sealed record PassState(JsonObject Parameters, ResultPath ResultPath, string? Next) : WorkflowState
{
    public override JsonObject ToJson()
    {
        var json = Start("Pass");
        json["Parameters"] = Parameters.DeepClone();
        json["ResultPath"] = ResultPath.ToJson();
        Continue(json, Next);
        return json;
    }
}

/// <summary>Runs each branch at the same time and goes on when all have finished.</summary>
public sealed record ParallelState(IReadOnlyList<Workflow> Branches, string? Next) : WorkflowState
{
    public ResultPath ResultPath { get; init; } = ResultPath.Discard;

    public Catcher? Catch { get; init; }

    public override JsonObject ToJson()
    {
        var json = Start("Parallel");
        json["Branches"] = new JsonArray([.. Branches.Select(b => b.ToJson())]);
        json["ResultPath"] = ResultPath.ToJson();
        if (Catch is not null) json["Catch"] = new JsonArray(Catch.ToJson());
        Continue(json, Next);
        return json;
    }
}

/// <summary>Ends the execution (or branch) as failed. <paramref name="CausePath"/> may be an intrinsic function.</summary>
public sealed record FailState(string Error, string? Cause = null, string? CausePath = null) : WorkflowState
{
    public override JsonObject ToJson()
    {
        var json = Start("Fail");
        json["Error"] = Error;
        if (Cause is not null) json["Cause"] = Cause;
        if (CausePath is not null) json["CausePath"] = CausePath;
        return json;
    }
}

public sealed record SucceedState : WorkflowState
{
    public override JsonObject ToJson() => Start("Succeed");
}
