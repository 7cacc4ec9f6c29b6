namespace StudentRecords.Synth.Constructs.Network;

public sealed record InterfaceEndpointsConfig
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required string VpcId { get; init; }

    public required string VpcCidr { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }
}
