namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>What the alarms and the dashboard watch, by the names CloudWatch's dimensions use.</summary>
/// <param name="AppLogGroup">The service's log group, whose JSON events the sign-in metrics count.</param>
public sealed record MonitoredResources(
    string LoadBalancerArnSuffix,
    string TargetGroupArnSuffix,
    string EcsCluster,
    string EcsService,
    string DatabaseCluster,
    string DatabaseInstanceClass,
    string AppLogGroup);
