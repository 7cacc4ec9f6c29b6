namespace StudentRecords.Synth.Constructs.Parameters;

/// <param name="Prefix">The seed's naming, <c>/{project}/{environment}</c>.</param>
/// <param name="Values">Parameter name (under the prefix) to value.</param>
public sealed record OperationalParametersConfig(string Prefix, IReadOnlyDictionary<string, string> Values);
