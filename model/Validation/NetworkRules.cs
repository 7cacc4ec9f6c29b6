using System.Net;

namespace StudentRecords.Model.Validation;

/// <summary>CIDRs parse, subnets lie inside the VPC without overlapping, one subnet per tier and AZ.</summary>
internal static class NetworkRules
{
    public static void Check(EnvironmentFile env)
    {
        if (env.Draft.Network is not { } network) return;
        var zones = env.Draft.AvailabilityZones?.Count;
        var vpc = Parse(env, "network.vpcCidr", network.VpcCidr);
        if (vpc is { PrefixLength: < 16 or > 28 } v)
            env.Report("network.vpcCidr", $"'{network.VpcCidr}' has a /{v.PrefixLength} prefix; AWS accepts VPC blocks from /16 to /28");

        var subnets = new List<(string Path, string Text, IPNetwork Net)>();
        foreach (var (tier, list) in new[] { ("publicSubnets", network.PublicSubnets), ("privateSubnets", network.PrivateSubnets) })
        {
            if (zones is not null && list.Count != zones)
                env.Report($"network.{tier}", $"has {list.Count} subnet(s) for {zones} availability zone(s); give exactly one per zone, in the order of availabilityZones");
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"network.{tier}[{i}]";
                if (Parse(env, path, list[i]) is not { } subnet) continue;
                if (vpc is { } parent && !Inside(subnet, parent))
                    env.Report(path, $"'{list[i]}' is not inside the VPC {network.VpcCidr}; choose a block within it");
                foreach (var other in subnets.Where(o => Overlap(o.Net, subnet)))
                    env.Report(path, $"'{list[i]}' overlaps {other.Path} '{other.Text}'; subnets must not share addresses");
                subnets.Add((path, list[i], subnet));
            }
        }

        if (network.PeerWithPrimary && env.Draft.Role == EnvironmentRole.Primary)
            env.Report("network.peerWithPrimary", "the primary cannot peer with itself; set it on a standby");
        if (network.TaskEgress == TaskEgress.Nat && network.NatGateways == NatMode.None)
            env.Report("network.taskEgress", "'nat' needs NAT gateways, and natGateways is none; choose vpc-endpoints or public-ip, or add NAT gateways");
    }

    /// <summary>Parses a canonical IPv4 CIDR (no host bits set), reporting what is wrong otherwise.</summary>
    public static IPNetwork? Parse(EnvironmentFile env, string path, string text)
    {
        // Canonical form only: IPNetwork accepts host bits (10.2.0.1/16), which AWS rejects.
        if (IPNetwork.TryParse(text, out var net) && net.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && net.ToString() == text)
            return net;
        var hint = text.Contains('/') && IPAddress.TryParse(text.Split('/')[0], out _)
            ? " (the address must be the first of its block, e.g. 10.2.1.0/24, and the prefix 0-32)"
            : " (expected IPv4 CIDR notation such as 10.2.1.0/24)";
        env.Report(path, $"'{text}' is not a valid IPv4 CIDR block{hint}");
        return null;
    }

    public static bool Overlap(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    private static bool Inside(IPNetwork inner, IPNetwork outer) =>
        outer.Contains(inner.BaseAddress) && inner.PrefixLength >= outer.PrefixLength;
}
