using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Tests.Snapshots;

/// <summary>Pretty-printed JSON with keys in ordinal order and a final newline: the snapshot form of a stack.</summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep ${...} and quotes readable in review
    };

    public static string Normalize(string json) => Sorted(JsonNode.Parse(json))!.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
