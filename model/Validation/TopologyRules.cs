using System.Net;

namespace StudentRecords.Model.Validation;

/// <summary>Rules across environments: one primary, standbys elsewhere, separate address space, one replication mode.</summary>
internal static class TopologyRules
{
    public static void Check(IReadOnlyList<EnvironmentFile> environments, string environmentsFolder, Loading.Problems problems)
    {
        var primaries = environments.Where(e => e.Spec.Role == EnvironmentRole.Primary).ToList();
        if (primaries.Count != 1)
            problems.Add(environmentsFolder, "role", $"{primaries.Count} environments have role primary ({string.Join(", ", primaries.Select(p => p.File))}); exactly one must");
        if (!environments.Any(e => e.Spec.Role == EnvironmentRole.Standby))
            problems.Add(environmentsFolder, "role", "no environment has role standby; disaster recovery needs at least one");

        for (var i = 0; i < environments.Count; i++)
        {
            var env = environments[i];
            foreach (var earlier in environments.Take(i))
            {
                if (IPNetwork.TryParse(env.Spec.Network.VpcCidr, out var a) && IPNetwork.TryParse(earlier.Spec.Network.VpcCidr, out var b) && NetworkRules.Overlap(a, b))
                    env.Report("network.vpcCidr", $"'{env.Spec.Network.VpcCidr}' overlaps {earlier.File}'s VPC {earlier.Spec.Network.VpcCidr}; environments need separate address space (peering and failover routing)");
                if (env.Spec.Region == earlier.Spec.Region)
                    env.Report("region", $"'{env.Spec.Region}' is also {earlier.File}'s region; a standby protects against a regional outage only in another region");
            }
        }

        if (primaries.Count == 1)
        {
            var mode = primaries[0].Spec.Database.Replication;
            foreach (var env in environments.Where(e => e.Spec.Database.Replication != mode))
                env.Report("database.replication", $"'{Kebab(env.Spec.Database.Replication)}' differs from the primary's '{Kebab(mode)}'; every environment must use the same mode");
        }
    }

    private static string Kebab(ReplicationMode mode) => mode.ToString().ToLowerInvariant();
}
