namespace StudentRecords.Model;

/// <summary>The ECS Fargate service running the records app.</summary>
/// <param name="Cpu">Fargate CPU units (256 = 0.25 vCPU).</param>
/// <param name="Memory">Fargate memory in MiB; must pair with <paramref name="Cpu"/>.</param>
/// <param name="DesiredCount">Tasks running now; a standby runs 0 until failover.</param>
public sealed record ServiceSpec(
    int Cpu,
    int Memory,
    int DesiredCount,
    AutoscalingSpec Autoscaling,
    int ContainerPort,
    string HealthCheckPath);
