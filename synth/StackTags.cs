using StudentRecords.Model;

namespace StudentRecords.Synth;

/// <summary>The tags every taggable resource of a stack carries (applied as provider default tags).</summary>
public static class StackTags
{
    public static IDictionary<string, string> For(PlatformSpec platform, string environment, IReadOnlyDictionary<string, string>? environmentTags = null)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in platform.Tags) tags[key] = value;
        foreach (var (key, value) in environmentTags ?? new Dictionary<string, string>()) tags[key] = value;
        tags["Project"] = platform.Project;
        tags["Environment"] = environment;
        tags["ManagedBy"] = platform.ManagedBy;
        return tags;
    }
}
