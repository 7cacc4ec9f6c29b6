using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="Express">An Express machine (short, event-driven: the automatic trigger's starter) instead of a Standard one.</param>
/// <param name="ResourcesByAction">For every IAM action a workflow may call (<c>rds:PromoteReadReplicaDBCluster</c>), the resources it may call it on.</param>
public sealed record RecoveryStateMachineConfig(
    string Name,
    Workflow Workflow,
    string KmsKeyArn,
    int LogRetentionDays,
    IReadOnlyDictionary<string, string[]> ResourcesByAction,
    bool Express = false);
