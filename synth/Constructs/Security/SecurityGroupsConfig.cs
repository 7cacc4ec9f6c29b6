namespace StudentRecords.Synth.Constructs.Security;

/// <param name="ListenerPort">The load balancer's port: 443 with a certificate, else 80.</param>
public sealed record SecurityGroupsConfig(string Name, string VpcId, int ListenerPort, int ContainerPort);
