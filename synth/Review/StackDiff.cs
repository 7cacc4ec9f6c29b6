using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Review;

/// <summary>
/// Compares two syntheses of a stack the way a reviewer reads a plan: resources added and removed by
/// address, and for the rest each changed attribute with its old and new value. CDKTF's "//" metadata
/// is ignored: it is not infrastructure.
/// </summary>
public static class StackDiff
{
    // Values are shown as written ("+", "<", "é"), not as \u escapes: the report is read, not parsed.
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static StackChanges Compare(string stack, JsonObject? before, JsonObject? after)
    {
        var old = Resources(before);
        var now = Resources(after);
        var changed = new SortedDictionary<string, IReadOnlyList<AttributeChange>>(StringComparer.Ordinal);
        foreach (var address in old.Keys.Intersect(now.Keys))
        {
            var type = address.StartsWith("data.", StringComparison.Ordinal) ? address.Split('.')[1] : address.Split('.')[0];
            var changes = new List<AttributeChange>();
            Walk("", old[address], now[address], type, changes);
            if (changes.Count > 0) changed[address] = changes;
        }
        // Settings outside resources (backend, providers) are reported as pseudo-resources.
        foreach (var (block, label) in new[] { ("terraform", "(terraform)"), ("provider", "(provider)") })
        {
            var changes = new List<AttributeChange>();
            Walk("", before?[block], after?[block], "", changes);
            if (changes.Count > 0) changed[label] = changes;
        }
        return new StackChanges(stack, [.. now.Keys.Except(old.Keys).Order(StringComparer.Ordinal)], [.. old.Keys.Except(now.Keys).Order(StringComparer.Ordinal)], changed);
    }

    private static SortedDictionary<string, JsonNode?> Resources(JsonObject? root)
    {
        var result = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (block, prefix) in new[] { ("resource", ""), ("data", "data.") })
            if (root?[block] is JsonObject types)
                foreach (var (type, byName) in types)
                    foreach (var (name, body) in byName!.AsObject())
                        result[$"{prefix}{type}.{name}"] = body;
        return result;
    }

    private static void Walk(string path, JsonNode? old, JsonNode? now, string type, List<AttributeChange> changes)
    {
        if (old is JsonObject o && now is JsonObject n)
        {
            foreach (var key in o.Select(p => p.Key).Union(n.Select(p => p.Key)).Where(k => k != "//").Order(StringComparer.Ordinal))
                Walk(path.Length == 0 ? key : $"{path}.{key}", o[key], n[key], type, changes);
            return;
        }
        if (old is JsonArray oa && now is JsonArray na)
        {
            for (var i = 0; i < Math.Max(oa.Count, na.Count); i++)
                Walk($"{path}[{i}]", i < oa.Count ? oa[i] : null, i < na.Count ? na[i] : null, type, changes);
            return;
        }
        if (JsonNode.DeepEquals(old, now)) return;
        if (EmbeddedJson(old) is { } oldDocument && EmbeddedJson(now) is { } newDocument)
        {
            // A policy or a state machine definition is one string attribute: show what changed inside it.
            var inside = new List<AttributeChange>();
            Walk("", oldDocument, newDocument, "", inside);
            var replaced = ReplacementRules.ForcesReplacement(type, path);
            changes.AddRange(inside.Select(change => change with { Path = $"{path} » {change.Path}", ForcesReplacement = replaced }));
            return;
        }
        changes.Add(new AttributeChange(path, old?.ToJsonString(AsWritten), now?.ToJsonString(AsWritten), ReplacementRules.ForcesReplacement(type, path)));
    }

    /// <summary>The JSON document a string attribute holds (<c>jsonencode</c> output), or null for any other value.</summary>
    private static JsonNode? EmbeddedJson(JsonNode? value)
    {
        if (value is not JsonValue text || !text.TryGetValue<string>(out var raw) || raw.Length < 2 || raw[0] is not ('{' or '[')) return null;
        try
        {
            return JsonNode.Parse(raw) is { } document and (JsonObject or JsonArray) ? document : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
