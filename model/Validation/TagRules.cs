using System.Text.RegularExpressions;
using StudentRecords.Model.Loading;

namespace StudentRecords.Model.Validation;

/// <summary>Tags that AWS accepts, and no override of the tags the platform sets itself.</summary>
internal static partial class TagRules
{
    /// <summary>Set on every resource from the model; YAML may not redefine them.</summary>
    public static readonly IReadOnlyList<string> PlatformTags = ["Environment", "ManagedBy", "Project"];

    public static void Check(string file, string path, IReadOnlyDictionary<string, string> tags, int otherTags, Problems problems)
    {
        if (tags.Count + otherTags > AwsLimits.TagsPerResource)
            problems.Add(file, path, $"{tags.Count + otherTags} tags would reach a resource; AWS allows {AwsLimits.TagsPerResource}");
        foreach (var (key, value) in tags)
        {
            var at = $"{path}.{key}";
            if (PlatformTags.Contains(key))
                problems.Add(file, at, $"'{key}' is set by the platform from the model; remove it here");
            if (key.Length is 0 or > AwsLimits.TagKeyMaxLength)
                problems.Add(file, at, $"tag key is {key.Length} characters; AWS allows 1 to {AwsLimits.TagKeyMaxLength}");
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                problems.Add(file, at, "tag keys starting with 'aws:' are reserved by AWS");
            if (value.Length > AwsLimits.TagValueMaxLength)
                problems.Add(file, at, $"tag value is {value.Length} characters; AWS allows up to {AwsLimits.TagValueMaxLength}");
            if (!Allowed().IsMatch(key) || !Allowed().IsMatch(value))
                problems.Add(file, at, "tags may hold only letters, digits, spaces and _ . : / = + - @");
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex Allowed();
}
