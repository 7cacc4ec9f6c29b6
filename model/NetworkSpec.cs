namespace StudentRecords.Model;

/// <summary>The VPC and its subnets; subnet lists are ordered like the environment's availability zones.</summary>
/// <param name="PeerWithPrimary">A standby's VPC peers with the primary's, with routes both ways (off by default:
/// Aurora replication does not need it).</param>
public sealed record NetworkSpec(
    string VpcCidr,
    IReadOnlyList<string> PublicSubnets,
    IReadOnlyList<string> PrivateSubnets,
    NatMode NatGateways,
    TaskEgress TaskEgress,
    bool FlowLogs,
    bool PeerWithPrimary);
