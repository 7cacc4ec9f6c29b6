using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Network;

/// <param name="Name">Prefix of the network's resource names, <c>{project}-{environment}</c>.</param>
public sealed record NetworkConfig(string Name, NetworkSpec Spec, IReadOnlyList<string> AvailabilityZones);
