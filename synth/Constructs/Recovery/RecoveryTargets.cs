using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>What the failover and failback act on, named as the DR stack creates it, and the bounds of their waits.</summary>
public sealed record RecoveryTargets
{
    public required string PrimaryRegion { get; init; }

    public required string StandbyRegion { get; init; }

    public required ReplicationMode Replication { get; init; }

    public required string StandbyCluster { get; init; }

    public required string StandbyClusterArn { get; init; }

    public required string PrimaryClusterArn { get; init; }

    public required string GlobalCluster { get; init; }

    public required string EcsCluster { get; init; }

    public required string EcsService { get; init; }

    /// <summary>Production's task count, which the standby's service is raised to.</summary>
    public required int DesiredCount { get; init; }

    /// <summary>Production's autoscaling minimum, which the standby's minimum is raised to.</summary>
    public required int MinCapacity { get; init; }

    /// <summary>Production's maximum, used only when the standby's maximum is below the new minimum.</summary>
    public required int MaxCapacity { get; init; }

    public required string TargetGroupArn { get; init; }

    public required string ActiveRegionParameter { get; init; }

    public required string LastDrillParameter { get; init; }

    /// <summary>Where the failover leaves its task token while it waits for an operator's approval.</summary>
    public required string ApprovalParameter { get; init; }

    public required string TopicArn { get; init; }

    public required RecoverySpec Recovery { get; init; }

    public string ScalableResource => $"service/{EcsCluster}/{EcsService}";

    public int PromotionPolls => RecoverySpec.Polls(Recovery.PromotionWaitMinutes, Recovery.PollSeconds);

    public int ServicePolls => RecoverySpec.Polls(Recovery.ServiceWaitMinutes, Recovery.PollSeconds);
}
