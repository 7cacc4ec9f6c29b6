namespace StudentRecords.Model;

/// <summary>The VPC and its subnets; subnet lists are ordered like the environment's availability zones.</summary>
public sealed record NetworkSpec(
    string VpcCidr,
    IReadOnlyList<string> PublicSubnets,
    IReadOnlyList<string> PrivateSubnets,
    NatMode NatGateways,
    TaskEgress TaskEgress,
    bool FlowLogs);
