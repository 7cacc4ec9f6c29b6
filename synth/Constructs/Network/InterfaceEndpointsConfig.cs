namespace StudentRecords.Synth.Constructs.Network;

public sealed record InterfaceEndpointsConfig(string Name, string Region, string VpcId, string VpcCidr, IReadOnlyList<string> SubnetIds);
