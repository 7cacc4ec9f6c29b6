using HashiCorp.Cdktf.Providers.Aws.Subnet;

namespace StudentRecords.Synth.Constructs.Network;

public sealed record NetworkAclsConfig
{
    public required string Name { get; init; }

    public required string VpcId { get; init; }

    public required string VpcCidr { get; init; }

    public required IReadOnlyList<Subnet> PublicSubnets { get; init; }

    public required IReadOnlyList<Subnet> PrivateSubnets { get; init; }

    public required IReadOnlyList<string> PeerCidrs { get; init; }
}
