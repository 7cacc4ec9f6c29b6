using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Network;

public sealed record NetworkConfig
{
    /// <summary>Prefix of the network's resource names, <c>{project}-{environment}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The VPC's region, for the endpoint service names.</summary>
    public required string Region { get; init; }

    public required NetworkSpec Spec { get; init; }

    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    /// <summary>Encrypts the flow-log group.</summary>
    public required string KmsKeyArn { get; init; }

    public required int LogRetentionDays { get; init; }

    /// <summary>Peered VPCs whose traffic the private network ACL admits.</summary>
    public required IReadOnlyList<string> PeerCidrs { get; init; }
}
