namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>What the alarms and the dashboard watch, by the names CloudWatch's dimensions use.</summary>
public sealed record MonitoredResources
{
    public required string LoadBalancerArnSuffix { get; init; }

    public required string TargetGroupArnSuffix { get; init; }

    public required string EcsCluster { get; init; }

    public required string EcsService { get; init; }

    public required string DatabaseCluster { get; init; }

    public required string DatabaseInstanceClass { get; init; }

    /// <summary>The service's log group, whose JSON events the sign-in metrics count.</summary>
    public required string AppLogGroup { get; init; }
}
