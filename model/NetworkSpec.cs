namespace StudentRecords.Model;

/// <summary>The VPC and its subnets; subnet lists are ordered like the environment's availability zones.</summary>
public sealed record NetworkSpec
{
    public required string VpcCidr { get; init; }

    public required IReadOnlyList<string> PublicSubnets { get; init; }

    public required IReadOnlyList<string> PrivateSubnets { get; init; }

    public required NatMode NatGateways { get; init; }

    public required TaskEgress TaskEgress { get; init; }

    public required bool FlowLogs { get; init; }

    /// <summary>A standby's VPC peers with the primary's, with routes both ways (off by default:
    /// Aurora replication does not need it).</summary>
    public required bool PeerWithPrimary { get; init; }
}
