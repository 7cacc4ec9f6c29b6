using StudentRecords.Model;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>What a standby's recovery acts on: the model's environments and the resources its stack created.</summary>
public sealed record StandbyRecoveryConfig
{
    public required PlatformModel Model { get; init; }

    public required EnvironmentSpec Standby { get; init; }

    public required string AccountId { get; init; }

    public required string Partition { get; init; }

    /// <summary>The recovery Lambdas' code (readiness and drill report).</summary>
    public required LambdaPackage Package { get; init; }

    public required string KmsKeyArn { get; init; }

    public required string TopicArn { get; init; }

    public required string EcsCluster { get; init; }

    public required string EcsService { get; init; }

    public required string ScalableTargetArn { get; init; }

    public required string TargetGroupArn { get; init; }

    /// <summary>The primary's alarm may start the failover (only when the primary region is there to forward it).</summary>
    public required bool AutomaticTrigger { get; init; }
}
