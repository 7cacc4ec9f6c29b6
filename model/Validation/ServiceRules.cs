namespace StudentRecords.Model.Validation;

/// <summary>Fargate accepts the task size, the counts are ordered, and the container can be reached.</summary>
internal static class ServiceRules
{
    public static void Check(EnvironmentFile env)
    {
        if (env.Draft.Service is not { } service) return;
        if (!AwsLimits.FargateMemoryByCpu.TryGetValue(service.Cpu, out var memories))
            env.Report("service.cpu", $"{service.Cpu} is not a Fargate CPU size; valid: {string.Join(", ", AwsLimits.FargateMemoryByCpu.Keys)}");
        else if (!memories.Contains(service.Memory))
            env.Report("service.memory", $"{service.Memory} MiB does not pair with {service.Cpu} CPU units on Fargate; valid: {Ranges(memories)}");

        var scaling = service.Autoscaling;
        if (scaling.Min < 0) env.Report("service.autoscaling.min", $"{scaling.Min} is negative; use 0 or more");
        if (scaling.Max < 1) env.Report("service.autoscaling.max", $"{scaling.Max} would never run a task; use 1 or more");
        if (scaling.Min > scaling.Max)
            env.Report("service.autoscaling", $"min {scaling.Min} is above max {scaling.Max}; need min ≤ desiredCount ≤ max");
        var pilotLight = env.Draft.Role != EnvironmentRole.Primary && service.DesiredCount == 0;
        if (!pilotLight && (service.DesiredCount < scaling.Min || service.DesiredCount > scaling.Max))
            env.Report("service.desiredCount", $"{service.DesiredCount} is outside autoscaling {scaling.Min}-{scaling.Max}; need min ≤ desiredCount ≤ max (a standby may run 0)");
        if (scaling.CpuTarget is < 10 or > 90)
            env.Report("service.autoscaling.cpuTarget", $"{scaling.CpuTarget}% leaves no useful headroom; use 10 to 90");

        if (service.ContainerPort is < 1024 or > 65535)
            env.Report("service.containerPort", $"{service.ContainerPort} cannot be bound by the app's non-root user; use 1024-65535 (the app listens on 8080)");
        if (!service.HealthCheckPath.StartsWith('/'))
            env.Report("service.healthCheckPath", $"'{service.HealthCheckPath}' must be an absolute path such as /health/ready");
    }

    private static string Ranges(IReadOnlyList<int> sizes) =>
        sizes.Count <= 3 ? string.Join(", ", sizes) : $"{sizes[0]} to {sizes[^1]} in steps of {sizes[1] - sizes[0]}";
}
