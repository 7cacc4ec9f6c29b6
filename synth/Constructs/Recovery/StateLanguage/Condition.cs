using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Constructs.Recovery.StateLanguage;

/// <summary>A Choice rule's test on the state (https://states-language.net/spec.html#choice-state).</summary>
public sealed record Condition(JsonObject Json)
{
    public static Condition NumericAtLeast(string variable, int value) => new(new JsonObject { ["Variable"] = variable, ["NumericGreaterThanEquals"] = value });

    public static Condition StringEquals(string variable, string value) => new(new JsonObject { ["Variable"] = variable, ["StringEquals"] = value });

    /// <summary>The input has <paramref name="variable"/> and it is true (a Choice on a missing path fails the execution).</summary>
    public static Condition IsTrue(string variable) => And(
        new(new JsonObject { ["Variable"] = variable, ["IsPresent"] = true }),
        new(new JsonObject { ["Variable"] = variable, ["BooleanEquals"] = true }));

    public static Condition IsAbsent(string variable) => new(new JsonObject { ["Variable"] = variable, ["IsPresent"] = false });

    public static Condition And(params Condition[] all) => new(new JsonObject { ["And"] = new JsonArray([.. all.Select(c => c.ToJson())]) });

    public JsonObject ToJson() => (JsonObject)Json.DeepClone();
}
