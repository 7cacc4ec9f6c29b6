using HashiCorp.Cdktf.Providers.Aws.Subnet;

namespace StudentRecords.Synth.Constructs.Network;

public sealed record NetworkAclsConfig(string Name, string VpcId, string VpcCidr, IReadOnlyList<Subnet> PublicSubnets, IReadOnlyList<Subnet> PrivateSubnets, IReadOnlyList<string> PeerCidrs);
