using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace StudentRecords.Model.Loading;

/// <summary>
/// Reads one YAML mapping into typed values, reporting every missing, mistyped or unknown key
/// instead of stopping at the first. A getter returns null when the value is unusable.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMappingNode node;
    private readonly string file;
    private readonly string path;
    private readonly Problems problems;
    private readonly HashSet<string> known = [];

    public MappingReader(YamlMappingNode node, string file, string path, Problems problems)
    {
        this.node = node;
        this.file = file;
        this.path = path;
        this.problems = problems;
        problems.Sources.Record(file, path, LineOf(node));
    }

    public string? String(string key, bool required = true) =>
        Scalar(key, required, "a string", v => v);

    public int? Int(string key) =>
        Scalar<int?>(key, true, "a whole number", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null);

    /// <summary>A whole number that may be left out: <paramref name="fallback"/> then.</summary>
    public int? Int(string key, int fallback)
    {
        if (Has(key)) return Int(key);
        known.Add(key);
        return fallback;
    }

    public double? Double(string key) =>
        Scalar<double?>(key, true, "a number", v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null);

    public bool? Bool(string key) =>
        Scalar<bool?>(key, true, "true or false", v => v switch { "true" => true, "false" => false, _ => null });

    /// <summary>A true or false that may be left out: <paramref name="fallback"/> then.</summary>
    public bool? Bool(string key, bool fallback)
    {
        if (Has(key)) return Bool(key);
        known.Add(key);
        return fallback;
    }

    /// <summary>An enum written in kebab case in YAML (<c>per-az</c> for <c>PerAz</c>).</summary>
    public TEnum? Enum<TEnum>(string key) where TEnum : struct, Enum
    {
        var names = System.Enum.GetValues<TEnum>().ToDictionary(KebabCase, v => v);
        var expected = "one of " + string.Join(", ", names.Keys);
        return Scalar<TEnum?>(key, true, expected, v => names.TryGetValue(v, out var e) ? e : null);
    }

    public IReadOnlyList<string>? StringList(string key)
    {
        if (Child<YamlSequenceNode>(key, required: true, "a list") is not { } sequence) return null;
        var items = new List<string>();
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{PathOf(key)}[{i}]";
            problems.Sources.Record(file, itemPath, LineOf(sequence.Children[i]));
            if (sequence.Children[i] is YamlScalarNode { Value: { } value }) items.Add(value);
            else { problems.Add(file, itemPath, "must be a string"); ok = false; }
        }
        return ok ? items : null;
    }

    /// <summary>A string-to-string map such as tags; absent means empty.</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string key)
    {
        known.Add(key);
        if (!node.Children.TryGetValue(key, out var value)) return new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (value is not YamlMappingNode map) { problems.Add(file, PathOf(key), "must be a mapping of names to strings"); return null; }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            var entryPath = $"{PathOf(key)}.{k}";
            problems.Sources.Record(file, entryPath, LineOf(k));
            if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } text }) result[name] = text;
            else { problems.Add(file, entryPath, "must be a name with a string value"); ok = false; }
        }
        return ok ? result : null;
    }

    public MappingReader? Mapping(string key, bool required = true) =>
        Child<YamlMappingNode>(key, required, "a mapping") is { } map ? new MappingReader(map, file, PathOf(key), problems) : null;

    /// <summary>Reports keys that no getter asked for: a typo must not be silently ignored.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (known.Contains(name)) continue;
            problems.Sources.Record(file, PathOf(name), LineOf(key));
            problems.Add(file, PathOf(name), $"unknown key '{name}'; valid keys here: {string.Join(", ", known)}");
        }
    }

    private T? Scalar<T>(string key, bool required, string expected, Func<string, T?> convert)
    {
        if (Child<YamlScalarNode>(key, required, expected) is not { Value: { } text }) return default;
        var value = convert(text);
        if (value is null) problems.Add(file, PathOf(key), $"'{text}' is not {expected}");
        return value;
    }

    private TNode? Child<TNode>(string key, bool required, string expected) where TNode : YamlNode
    {
        known.Add(key);
        if (!node.Children.TryGetValue(key, out var value) || IsNull(value))
        {
            if (required) problems.Add(file, PathOf(key), $"is required ({expected})");
            return null;
        }
        problems.Sources.Record(file, PathOf(key), LineOf(value));
        if (value is TNode typed) return typed;
        problems.Add(file, PathOf(key), $"must be {expected}");
        return null;
    }

    private bool Has(string key) => node.Children.TryGetValue(key, out var value) && !IsNull(value);

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Value: "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain };

    private string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static int LineOf(YamlNode n) => (int)n.Start.Line;

    private static string KebabCase<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
