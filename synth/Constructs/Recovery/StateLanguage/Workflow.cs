using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Constructs.Recovery.StateLanguage;

/// <summary>
/// A state machine or a Parallel branch: named states, run from the first. Every <c>Next</c>, <c>Default</c>
/// and Catch target must name a state of the same workflow, as Step Functions requires; this is checked
/// when the workflow is written, so a wrong name fails the synth instead of the deployment.
/// </summary>
public sealed class Workflow
{
    private readonly List<(string Name, WorkflowState State)> states = [];

    public string? Comment { get; init; }

    /// <summary>The whole execution's bound (state machines only; branches leave it out).</summary>
    public int? TimeoutSeconds { get; init; }

    public Workflow Add(string name, WorkflowState state)
    {
        if (name.Length is 0 or > 80) throw new ArgumentException($"state name '{name}' must be 1 to 80 characters", nameof(name));
        if (states.Any(s => s.Name == name)) throw new ArgumentException($"state '{name}' is defined twice", nameof(name));
        states.Add((name, state));
        return this;
    }

    public IReadOnlyList<(string Name, WorkflowState State)> States => states;

    public JsonObject ToJson()
    {
        if (states.Count == 0) throw new InvalidOperationException("a workflow needs at least one state");
        var json = new JsonObject();
        if (Comment is not null) json["Comment"] = Comment;
        json["StartAt"] = states[0].Name;
        var named = new JsonObject();
        foreach (var (name, state) in states) named[name] = state.ToJson();
        json["States"] = named;
        if (TimeoutSeconds is { } timeout) json["TimeoutSeconds"] = timeout;
        CheckTransitions(named);
        return json;
    }

    /// <summary>Quotes and ampersands stay as written, so the snapshot reads as the state machine does (the JSON is never embedded in HTML).</summary>
    public string ToJsonString() => ToJson().ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static void CheckTransitions(JsonObject named)
    {
        foreach (var (name, state) in named)
            foreach (var target in Targets(state!.AsObject()))
                if (!named.ContainsKey(target))
                    throw new InvalidOperationException($"state '{name}' goes to '{target}', which this workflow does not define");
    }

    private static IEnumerable<string> Targets(JsonObject state)
    {
        if (state["Next"] is { } next) yield return (string)next!;
        if (state["Default"] is { } fallback) yield return (string)fallback!;
        foreach (var rule in state["Choices"]?.AsArray() ?? []) yield return (string)rule!["Next"]!;
        foreach (var catcher in state["Catch"]?.AsArray() ?? []) yield return (string)catcher!["Next"]!;
    }
}
