using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Observability;

/// <param name="FollowsPrimary">A standby: its database replicates and its lag is watched.</param>
/// <param name="MetricNamespace">Where the platform's own metrics (the app's sign-ins) are counted.</param>
public sealed record MonitoringConfig(
    string Name,
    string Region,
    AlarmsSpec Thresholds,
    string AlertEmail,
    string KmsKeyArn,
    MonitoredResources Watched,
    bool FollowsPrimary,
    ReplicationMode Replication,
    string MetricNamespace);
