namespace StudentRecords.Synth.Constructs.Parameters;

public sealed record OperationalParametersConfig
{
    /// <summary>The seed's naming, <c>/{project}/{environment}</c>.</summary>
    public required string Prefix { get; init; }

    /// <summary>Parameter name (under the prefix) to value.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }
}
