using System.Net;
using StudentRecords.Model.Loading;

namespace StudentRecords.Model.Validation;

/// <summary>Rules across environments: one primary, standbys elsewhere, separate address space, one replication mode.</summary>
internal static class TopologyRules
{
    public static void Check(IReadOnlyList<EnvironmentFile> environments, string environmentsFolder, Problems problems)
    {
        CheckRoles(environments, environmentsFolder, problems);
        for (var i = 0; i < environments.Count; i++)
        {
            var env = environments[i].Draft;
            foreach (var earlier in environments.Take(i))
            {
                if (Overlap(env.Network?.VpcCidr, earlier.Draft.Network?.VpcCidr))
                    environments[i].Report("network.vpcCidr", $"'{env.Network!.VpcCidr}' overlaps {earlier.File}'s VPC {earlier.Draft.Network!.VpcCidr}; environments need separate address space (peering and failover routing)");
                if (env.Region is not null && env.Region == earlier.Draft.Region)
                    environments[i].Report("region", $"'{env.Region}' is also the region of {earlier.File}; a standby protects against a regional outage only in another region");
            }
        }

        var primaries = environments.Where(e => e.Draft.Role == EnvironmentRole.Primary).ToList();
        if (primaries is [{ Draft.Database: { } primaryDatabase }])
        {
            foreach (var env in environments.Where(e => e.Draft.Database is { } db && db.Replication != primaryDatabase.Replication))
                env.Report("database.replication", $"'{Name(env.Draft.Database!.Replication)}' differs from the primary's '{Name(primaryDatabase.Replication)}'; every environment must use the same mode");
        }
    }

    private static void CheckRoles(IReadOnlyList<EnvironmentFile> environments, string folder, Problems problems)
    {
        if (environments.Any(e => e.Draft.Role is null)) return; // already reported where the role is unreadable
        var primaries = environments.Where(e => e.Draft.Role == EnvironmentRole.Primary).ToList();
        if (primaries.Count != 1)
            problems.Add(folder, "role", $"{primaries.Count} environments have role primary ({string.Join(", ", primaries.Select(p => p.File))}); exactly one must");
        if (!environments.Any(e => e.Draft.Role == EnvironmentRole.Standby))
            problems.Add(folder, "role", "no environment has role standby; disaster recovery needs at least one");
    }

    private static bool Overlap(string? a, string? b) =>
        a is not null && b is not null && IPNetwork.TryParse(a, out var x) && IPNetwork.TryParse(b, out var y) && NetworkRules.Overlap(x, y);

    private static string Name(ReplicationMode mode) => mode.ToString().ToLowerInvariant();
}
