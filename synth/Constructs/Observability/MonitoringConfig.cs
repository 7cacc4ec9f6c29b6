using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Observability;

/// <param name="FollowsPrimary">A standby: its database replicates and its lag is watched.</param>
public sealed record MonitoringConfig(
    string Name,
    string Region,
    AlarmsSpec Thresholds,
    string AlertEmail,
    string KmsKeyArn,
    MonitoredResources Watched,
    bool FollowsPrimary,
    ReplicationMode Replication);
