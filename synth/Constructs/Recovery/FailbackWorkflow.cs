using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// Back to the primary once it is healthy: the database returns to the primary (a global database's writer is
/// switched back; a promoted binlog replica cannot be, so the operator restores production from DR first, as the
/// runbook says, and confirms it with <c>"databaseReturned": true</c>), the active region is recorded, and the
/// standby goes dark again. A failback that follows a completed failover ends a drill, whose time is recorded for
/// readiness; one after a failed failover (the standby never became active) is not a drill.
/// </summary>
public static class FailbackWorkflow
{
    public static Workflow Build(RecoveryTargets targets)
    {
        var global = targets.Replication == ReplicationMode.Global;
        var main = new RecoverySteps(new Workflow
        {
            Comment = $"Fails the platform back to {targets.PrimaryRegion} (synth/Constructs/Recovery/FailbackWorkflow.cs)",
            TimeoutSeconds = targets.PromotionPolls * targets.Recovery.PollSeconds + 15 * 60,
        }, inBranch: false);
        RecoveryNotices.Begin(main, targets.TopicArn, "failback", "Read the active region");
        main.ReadActiveRegion(targets, global ? "Read the global writer" : "Is the database returned");
        if (global) AddGlobalReturn(main, targets);
        else
            main.Add("Is the database returned", new ChoiceState([new ChoiceRule(Condition.IsTrue("$.databaseReturned"), "Record the active region")], "The database is not returned"))
                .Fail("The database is not returned", "Return the database",
                    "a promoted binlog replica cannot be switched back: restore production from DR (runbook, Failback), then start the failback with databaseReturned true");
        main.Call("Record the active region", SdkService.Ssm, "putParameter", new JsonObject
        {
            ["Name"] = targets.ActiveRegionParameter,
            ["Value"] = targets.PrimaryRegion,
            ["Type"] = "String",
            ["Overwrite"] = true,
        }, "Lower the minimum to zero")
            // The maximum stays: an operator's ceiling is theirs to change.
            .Call("Lower the minimum to zero", SdkService.ApplicationAutoScaling, "registerScalableTarget", new JsonObject
            {
                ["ServiceNamespace"] = "ecs",
                ["ResourceId"] = targets.ScalableResource,
                ["ScalableDimension"] = "ecs:service:DesiredCount",
                ["MinCapacity"] = 0,
            }, "Stop the standby's tasks")
            .Call("Stop the standby's tasks", SdkService.Ecs, "updateService", new JsonObject
            {
                ["Cluster"] = targets.EcsCluster,
                ["Service"] = targets.EcsService,
                ["DesiredCount"] = 0,
            }, "Was it a drill")
            .Add("Was it a drill", new ChoiceState([new ChoiceRule(Condition.IsTrue("$.active.standbyActive"), "Record the drill")], "Notify that the failback is done"))
            .Call("Record the drill", SdkService.Ssm, "putParameter", new JsonObject
            {
                ["Name"] = targets.LastDrillParameter,
                ["Value.$"] = "$$.State.EnteredTime",
                ["Type"] = "String",
                ["Overwrite"] = true,
            }, "Notify that the failback is done");
        RecoveryNotices.End(main, targets.TopicArn, "failback", $"{targets.PrimaryRegion} serves again and the standby is dark");
        return main.Workflow;
    }

    /// <summary>Switches the global writer back to the primary's cluster unless it is already there, and waits until it is.</summary>
    private static void AddGlobalReturn(RecoverySteps main, RecoveryTargets targets)
    {
        var parameters = new JsonObject { ["GlobalClusterIdentifier"] = targets.GlobalCluster };
        var primaryWrites = new JsonObject
        {
            ["primaryWrites.$"] = $"States.ArrayContains($.GlobalClusters[0].GlobalClusterMembers[?(@.IsWriter == true)].DBClusterArn, '{targets.PrimaryClusterArn}')",
        };
        main.Call("Read the global writer", SdkService.Rds, "describeGlobalClusters", parameters, "Does the primary write", keep: primaryWrites, resultPath: "$.global")
            .Add("Does the primary write", new ChoiceState([new ChoiceRule(Condition.IsTrue("$.global.primaryWrites"), "Record the active region")], "Switch the global writer back"))
            .Call("Switch the global writer back", SdkService.Rds, "switchoverGlobalCluster",
                new JsonObject { ["GlobalClusterIdentifier"] = targets.GlobalCluster, ["TargetDbClusterIdentifier"] = targets.PrimaryClusterArn }, "Wait for the primary to write")
            .Poll("Wait for the primary to write", "returning", SdkService.Rds, "describeGlobalClusters", (JsonObject)parameters.DeepClone(), (JsonObject)primaryWrites.DeepClone(),
                done: seen => Condition.IsTrue($"{seen}.primaryWrites"), targets.PromotionPolls, targets.Recovery.PollSeconds,
                next: "Record the active region", gaveUp: "the primary's cluster is not the global writer");
    }
}
