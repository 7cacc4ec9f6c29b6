using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Observability;

public sealed record MonitoringConfig
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required AlarmsSpec Thresholds { get; init; }

    public required string AlertEmail { get; init; }

    public required string KmsKeyArn { get; init; }

    public required MonitoredResources Watched { get; init; }

    /// <summary>A standby: its database replicates and its lag is watched.</summary>
    public required bool FollowsPrimary { get; init; }

    public required ReplicationMode Replication { get; init; }

    /// <summary>Where the platform's own metrics (the app's sign-ins) are counted.</summary>
    public required string MetricNamespace { get; init; }
}
