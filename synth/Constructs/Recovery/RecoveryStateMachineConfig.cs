using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

public sealed record RecoveryStateMachineConfig
{
    public required string Name { get; init; }

    public required Workflow Workflow { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int LogRetentionDays { get; init; }

    /// <summary>For every IAM action a workflow may call (<c>rds:PromoteReadReplicaDBCluster</c>), the resources it may call it on.</summary>
    public required IReadOnlyDictionary<string, string[]> ResourcesByAction { get; init; }

    /// <summary>An Express machine (short, event-driven: the automatic trigger's starter) instead of a Standard one.</summary>
    public bool Express { get; init; }
}
