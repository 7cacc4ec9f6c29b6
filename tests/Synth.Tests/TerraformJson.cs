using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Tests;

/// <summary>Reads a synthesized stack the way Terraform does: by block, type and name.</summary>
public sealed class TerraformJson(JsonObject root)
{
    public JsonObject Root => root;

    public IReadOnlyList<JsonObject> Resources(string type) => Block("resource", type);

    public JsonObject Resource(string type) => Assert.Single(Resources(type));

    public IReadOnlyList<JsonObject> DataSources(string type) => Block("data", type);

    public JsonObject Backend(string kind) => root["terraform"]!["backend"]![kind]!.AsObject();

    public IReadOnlyList<JsonObject> Providers => [.. root["provider"]!["aws"]!.AsArray().Select(p => p!.AsObject())];

    /// <summary>The resource a <c>${type.name.attr}</c> reference points at.</summary>
    public JsonObject Referenced(string reference)
    {
        var parts = reference.Trim('$', '{', '}').Split('.');
        var block = parts[0] == "data" ? "data" : "resource";
        var (type, name) = parts[0] == "data" ? (parts[1], parts[2]) : (parts[0], parts[1]);
        return root[block]![type]![name]!.AsObject();
    }

    /// <summary>Terraform's address-style reference to a resource's attribute, e.g. <c>${aws_kms_key.x.arn}</c>.</summary>
    public string ReferenceTo(string type, JsonObject resource, string attribute)
    {
        var name = root["resource"]![type]!.AsObject().Single(p => ReferenceEquals(p.Value, resource)).Key;
        return $"${{{type}.{name}.{attribute}}}";
    }

    /// <summary>Reference to the attribute of the only data source of <paramref name="type"/>.</summary>
    public string DataReferenceTo(string type, string attribute) =>
        $"${{data.{type}.{root["data"]![type]!.AsObject().Single().Key}.{attribute}}}";

    private IReadOnlyList<JsonObject> Block(string block, string type) =>
        root[block]?[type] is JsonObject byName ? [.. byName.Select(p => p.Value!.AsObject())] : [];
}
