using StudentRecords.Model.Loading;

namespace StudentRecords.Model.Validation;

/// <summary>Runs every rule over everything that loaded, so one run reports every problem.</summary>
internal static class ModelValidator
{
    public static void Check(PlatformSpec? platform, string platformFile, IReadOnlyList<EnvironmentFile> environments, string folder, Problems problems)
    {
        if (platform is not null) PlatformRules.Check(platform, platformFile, problems);
        foreach (var env in environments)
        {
            RegionRules.Check(env);
            NetworkRules.Check(env);
            ServiceRules.Check(env);
            DatabaseRules.Check(env);
            StorageRules.Check(env);
            if (env.Draft.Tags is { } tags)
                TagRules.Check(env.File, "tags", tags, TagRules.PlatformTags.Count + (platform?.Tags.Count ?? 0), problems);
        }
        TopologyRules.Check(environments, folder, problems);
    }
}
