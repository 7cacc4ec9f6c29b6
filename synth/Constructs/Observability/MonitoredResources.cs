namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>What the alarms and the dashboard watch, by the names CloudWatch's dimensions use.</summary>
public sealed record MonitoredResources(
    string LoadBalancerArnSuffix,
    string TargetGroupArnSuffix,
    string EcsCluster,
    string EcsService,
    string DatabaseCluster,
    string DatabaseInstanceClass);
