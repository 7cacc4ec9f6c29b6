namespace StudentRecords.Model.Validation;

/// <summary>The region exists and every availability zone belongs to it, once.</summary>
internal static class RegionRules
{
    public static void Check(EnvironmentFile env)
    {
        if (env.Draft.Region is not { } region) return;
        if (!AwsLimits.Regions.Contains(region))
            env.Report("region", $"'{region}' is not an AWS region; valid regions include {string.Join(", ", AwsLimits.Regions.Where(r => r.StartsWith("eu-", StringComparison.Ordinal)))}, …");

        if (env.Draft.AvailabilityZones is not { } zones) return;
        if (zones.Count < 2)
            env.Report("availabilityZones", $"lists {zones.Count} zone(s); an ALB and Aurora need at least 2");
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            if (zone.Length != region.Length + 1 || !zone.StartsWith(region, StringComparison.Ordinal) || zone[^1] is < 'a' or > 'z')
                env.Report($"availabilityZones[{i}]", $"'{zone}' is not a zone of {region}; zones are the region's name plus a letter, e.g. {region}a");
            if (zones.Take(i).Contains(zone))
                env.Report($"availabilityZones[{i}]", $"'{zone}' is listed twice; each zone once");
        }
    }
}
