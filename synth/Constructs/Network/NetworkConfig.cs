using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Network;

/// <param name="Name">Prefix of the network's resource names, <c>{project}-{environment}</c>.</param>
/// <param name="Region">The VPC's region, for the endpoint service names.</param>
/// <param name="KmsKeyArn">Encrypts the flow-log group.</param>
/// <param name="PeerCidrs">Peered VPCs whose traffic the private network ACL admits.</param>
public sealed record NetworkConfig(
    string Name,
    string Region,
    NetworkSpec Spec,
    IReadOnlyList<string> AvailabilityZones,
    string KmsKeyArn,
    int LogRetentionDays,
    IReadOnlyList<string> PeerCidrs);
