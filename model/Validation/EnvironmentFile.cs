using StudentRecords.Model.Loading;

namespace StudentRecords.Model.Validation;

/// <summary>An environment with the file it came from, so every rule can say where a problem is.</summary>
internal sealed record EnvironmentFile(EnvironmentDraft Draft, string File, Problems Problems)
{
    public void Report(string path, string message) => Problems.Add(File, path, message);
}
