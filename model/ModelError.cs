namespace StudentRecords.Model;

/// <summary>One problem in the environment files: where it is, what is wrong and what would be valid.</summary>
public sealed record ModelError(string File, string YamlPath, int? Line, string Message)
{
    public override string ToString() =>
        $"{File}{(Line is { } line ? $":{line}" : "")}: {(YamlPath.Length == 0 ? "(document)" : YamlPath)}: {Message}";
}
