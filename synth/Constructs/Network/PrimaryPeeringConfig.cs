namespace StudentRecords.Synth.Constructs.Network;

/// <param name="PrimaryName">The primary's name prefix: its VPC and route tables are found by their Name tags.</param>
public sealed record PrimaryPeeringConfig(
    string Name,
    string VpcId,
    string VpcCidr,
    IReadOnlyList<string> PrivateRouteTableIds,
    string PrimaryName,
    string PrimaryRegion,
    string PrimaryVpcCidr);
