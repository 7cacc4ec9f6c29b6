using System.Text.RegularExpressions;

namespace StudentRecords.Synth;

/// <summary>The app image tag the synth is given: what Docker and ECR accept as a tag.</summary>
public static partial class ImageTag
{
    public static bool IsValid(string? tag) => tag is not null && Pattern().IsMatch(tag);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Pattern();
}
