namespace StudentRecords.Synth.Constructs.Network;

public sealed record PrimaryPeeringConfig
{
    public required string Name { get; init; }

    public required string VpcId { get; init; }

    public required string VpcCidr { get; init; }

    public required IReadOnlyList<string> PrivateRouteTableIds { get; init; }

    /// <summary>The primary's name prefix: its VPC and route tables are found by their Name tags.</summary>
    public required string PrimaryName { get; init; }

    public required string PrimaryRegion { get; init; }

    public required string PrimaryVpcCidr { get; init; }
}
