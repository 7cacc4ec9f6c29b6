namespace StudentRecords.Synth.Constructs.Security;

/// <param name="ListenerPort">The load balancer's port: 443 with a certificate, else 80.</param>
/// <param name="Region">Whose Route 53 health-checker prefix list the load balancer admits (each region publishes its own).</param>
/// <param name="AdmitRoute53HealthCheckers">Route 53 checks this origin's readiness (the platform has a domain).</param>
/// <param name="DatabaseRotation">The primary's rotation function reaches the database (and Secrets Manager).</param>
public sealed record SecurityGroupsConfig(string Name, string Region, string VpcId, int ListenerPort, int ContainerPort, bool AdmitRoute53HealthCheckers, bool DatabaseRotation);
