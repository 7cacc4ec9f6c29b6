using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>What the failover and failback act on, named as the DR stack creates it, and the bounds of their waits.</summary>
/// <param name="DesiredCount">Production's task count, which the standby's service is raised to.</param>
/// <param name="MinCapacity">Production's autoscaling minimum, which the standby's minimum is raised to.</param>
/// <param name="MaxCapacity">Production's maximum, used only when the standby's maximum is below the new minimum.</param>
/// <param name="ApprovalParameter">Where the failover leaves its task token while it waits for an operator's approval.</param>
public sealed record RecoveryTargets(
    string PrimaryRegion,
    string StandbyRegion,
    ReplicationMode Replication,
    string StandbyCluster,
    string StandbyClusterArn,
    string PrimaryClusterArn,
    string GlobalCluster,
    string EcsCluster,
    string EcsService,
    int DesiredCount,
    int MinCapacity,
    int MaxCapacity,
    string TargetGroupArn,
    string ActiveRegionParameter,
    string LastDrillParameter,
    string ApprovalParameter,
    string TopicArn,
    RecoverySpec Recovery)
{
    public string ScalableResource => $"service/{EcsCluster}/{EcsService}";

    public int PromotionPolls => RecoverySpec.Polls(Recovery.PromotionWaitMinutes, Recovery.PollSeconds);

    public int ServicePolls => RecoverySpec.Polls(Recovery.ServiceWaitMinutes, Recovery.PollSeconds);
}
