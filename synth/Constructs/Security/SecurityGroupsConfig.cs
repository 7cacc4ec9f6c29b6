namespace StudentRecords.Synth.Constructs.Security;

public sealed record SecurityGroupsConfig
{
    public required string Name { get; init; }

    /// <summary>Whose Route 53 health-checker prefix list the load balancer admits (each region publishes its own).</summary>
    public required string Region { get; init; }

    public required string VpcId { get; init; }

    /// <summary>The load balancer's port: 443 with a certificate, else 80.</summary>
    public required int ListenerPort { get; init; }

    public required int ContainerPort { get; init; }

    /// <summary>Route 53 checks this origin's readiness (the platform has a domain).</summary>
    public required bool AdmitRoute53HealthCheckers { get; init; }

    /// <summary>The primary's rotation function reaches the database (and Secrets Manager).</summary>
    public required bool DatabaseRotation { get; init; }
}
