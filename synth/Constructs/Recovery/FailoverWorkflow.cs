using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// The failover as a Step Functions workflow: after the one-at-a-time guard and the start notice, the standby's
/// service is scaled out while its database is promoted (side by side, as the seed's timeline runs them), then
/// the active region is recorded. Each step looks before it acts, so a second run after a partial one finishes
/// the job and changes nothing already done. Input: <c>{"trigger": "…", "primaryReachable": false}</c>.
/// </summary>
public static class FailoverWorkflow
{
    public const string ScaleOutAndPromote = "Scale out and promote";

    public static Workflow Build(RecoveryTargets targets)
    {
        var main = new RecoverySteps(new Workflow
        {
            Comment = $"Fails the platform over to {targets.StandbyRegion} (synth/Constructs/Recovery/FailoverWorkflow.cs)",
            TimeoutSeconds = TimeoutSeconds(targets),
        }, inBranch: false);
        RecoveryNotices.Begin(main, targets.TopicArn, "failover", ScaleOutAndPromote);
        main.Add(ScaleOutAndPromote, new ParallelState([ServiceBranch(targets), DatabaseBranch(targets)], "Read the active region")
        {
            Catch = new Catcher(RecoverySteps.NotifyFailed),
        })
            .ReadActiveRegion(targets, "Is the standby recorded as active")
            .Add("Is the standby recorded as active", new ChoiceState(
                [new ChoiceRule(Condition.IsTrue("$.active.standbyActive"), "Notify that the failover is done")], "Record the active region"))
            .Call("Record the active region", SdkService.Ssm, "putParameter", new JsonObject
            {
                ["Name"] = targets.ActiveRegionParameter,
                ["Value"] = targets.StandbyRegion,
                ["Type"] = "String",
                ["Overwrite"] = true,
            }, "Notify that the failover is done");
        RecoveryNotices.End(main, targets.TopicArn, "failover", $"{targets.StandbyRegion} serves: its database is writable and its service has healthy tasks");
        return main.Workflow;
    }

    /// <summary>Every wait at its bound, with the approval's when the model asks for one, and a minute for each call's margin.</summary>
    private static int TimeoutSeconds(RecoveryTargets targets)
    {
        var recovery = targets.Recovery;
        var database = (recovery.Approval ? recovery.ApprovalWaitMinutes * 60 : 0) + targets.PromotionPolls * recovery.PollSeconds;
        var service = targets.ServicePolls * recovery.PollSeconds;
        return Math.Max(database, service) + 15 * 60;
    }

    /// <summary>Raises the standby's autoscaling minimum and desired count to production's, never lowering either, then waits for a healthy target.</summary>
    private static Workflow ServiceBranch(RecoveryTargets targets)
    {
        var steps = new RecoverySteps(new Workflow(), inBranch: true);
        steps.Call("Read the service's scaling", SdkService.ApplicationAutoScaling, "describeScalableTargets", new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ResourceIds"] = new JsonArray(targets.ScalableResource),
            ["ScalableDimension"] = "ecs:service:DesiredCount",
        }, "Is the minimum below production's",
                keep: new JsonObject { ["min.$"] = "$.ScalableTargets[0].MinCapacity", ["max.$"] = "$.ScalableTargets[0].MaxCapacity" }, resultPath: "$.scaling")
            .Add("Is the minimum below production's", new ChoiceState(
            [
                new ChoiceRule(Condition.NumericAtLeast("$.scaling.min", targets.MinCapacity), "Read the service"),
                new ChoiceRule(Condition.NumericAtLeast("$.scaling.max", targets.MinCapacity), "Raise the minimum"),
            ], "Raise the minimum and maximum"))
            .Call("Raise the minimum", SdkService.ApplicationAutoScaling, "registerScalableTarget", ScalableTarget(targets), "Read the service")
            .Call("Raise the minimum and maximum", SdkService.ApplicationAutoScaling, "registerScalableTarget",
                ScalableTarget(targets, new JsonObject { ["MaxCapacity"] = targets.MaxCapacity }), "Read the service")
            .Call("Read the service", SdkService.Ecs, "describeServices", new JsonObject
            {
                ["Cluster"] = targets.EcsCluster,
                ["Services"] = new JsonArray(targets.EcsService),
            }, "Is the service smaller than production",
                keep: new JsonObject { ["desired.$"] = "$.Services[0].DesiredCount" }, resultPath: "$.service")
            .Add("Is the service smaller than production", new ChoiceState(
                [new ChoiceRule(Condition.NumericAtLeast("$.service.desired", targets.DesiredCount), "Wait for a healthy task")], "Raise the desired count"))
            .Call("Raise the desired count", SdkService.Ecs, "updateService", new JsonObject
            {
                ["Cluster"] = targets.EcsCluster,
                ["Service"] = targets.EcsService,
                ["DesiredCount"] = targets.DesiredCount,
            }, "Wait for a healthy task")
            .Poll("Wait for a healthy task", "targets", SdkService.LoadBalancing, "describeTargetHealth",
                new JsonObject { ["TargetGroupArn"] = targets.TargetGroupArn },
                keep: new JsonObject { ["healthy.$"] = "States.ArrayContains($.TargetHealthDescriptions[*].TargetHealth.State, 'healthy')" },
                done: seen => Condition.IsTrue($"{seen}.healthy"), targets.ServicePolls, targets.Recovery.PollSeconds,
                next: "Service is serving", gaveUp: "no healthy task in the standby's target group")
            .Add("Service is serving", new SucceedState());
        return steps.Workflow;
    }

    /// <summary>Waits for an approval when the model asks, promotes the standby database unless it already is the writer, then waits until it is writable.</summary>
    private static Workflow DatabaseBranch(RecoveryTargets targets)
    {
        var steps = new RecoverySteps(new Workflow(), inBranch: true);
        const string read = "Read the standby database";
        if (targets.Recovery.Approval)
            steps.Add("Wait for approval", SdkCall.WaitForToken(SdkService.Ssm, "putParameter", new JsonObject
            {
                ["Name"] = targets.ApprovalParameter,
                ["Value.$"] = "$$.Task.Token",
                ["Type"] = "String",
                ["Overwrite"] = true,
            }, targets.Recovery.ApprovalWaitMinutes * 60, read, "Wait for approval: failed"))
                .Add("Wait for approval: failed", new FailState("Wait for approval", CausePath: "States.Format('{}: {}', $.failure.Error, $.failure.Cause)"));
        var global = targets.Replication == ReplicationMode.Global;
        steps.Call(read, SdkService.Rds, "describeDBClusters", new JsonObject { ["DBClusterIdentifier"] = targets.StandbyCluster },
                "Is it still a replica", keep: WriterSelector(targets), resultPath: "$.database")
            .Add("Is it still a replica", new ChoiceState(
                [new ChoiceRule(IsWriter(targets, "$.database"), "Wait until it is writable")],
                global ? "Is the primary reachable" : "Promote the database"));
        if (global)
            steps.Add("Is the primary reachable", new ChoiceState(
                    [new ChoiceRule(Condition.IsTrue("$.primaryReachable"), "Switch the global writer over")], "Fail the global writer over"))
                .Call("Switch the global writer over", SdkService.Rds, "switchoverGlobalCluster", GlobalTarget(targets), "Wait until it is writable")
                .Call("Fail the global writer over", SdkService.Rds, "failoverGlobalCluster", GlobalTarget(targets, allowDataLoss: true), "Wait until it is writable");
        else
            steps.Call("Promote the database", SdkService.Rds, "promoteReadReplicaDBCluster", new JsonObject { ["DBClusterIdentifier"] = targets.StandbyCluster }, "Wait until it is writable");
        steps.Poll("Wait until it is writable", "writable", SdkService.Rds, "describeDBClusters", new JsonObject { ["DBClusterIdentifier"] = targets.StandbyCluster },
                keep: WriterSelector(targets),
                done: seen => Condition.And(Condition.StringEquals($"{seen}.status", "available"), IsWriter(targets, seen)),
                targets.PromotionPolls, targets.Recovery.PollSeconds, next: "Database is writable", gaveUp: "the standby database is not writable")
            .Add("Database is writable", new SucceedState());
        return steps.Workflow;
    }

    /// <summary>
    /// The cluster's status and what tells whether it writes: a binlog replica names its replication source until
    /// it is promoted (the whole description is kept, since a Choice can test a field's presence); a global
    /// database's secondary has no writer instance until the global writer moves to it.
    /// </summary>
    private static JsonObject WriterSelector(RecoveryTargets targets) => targets.Replication == ReplicationMode.Global
        ? new() { ["status.$"] = "$.DBClusters[0].Status", ["writes.$"] = "States.ArrayContains($.DBClusters[0].DBClusterMembers[*].IsClusterWriter, true)" }
        : new() { ["status.$"] = "$.DBClusters[0].Status", ["cluster.$"] = "$.DBClusters[0]" };

    private static Condition IsWriter(RecoveryTargets targets, string seen) => targets.Replication == ReplicationMode.Global
        ? Condition.IsTrue($"{seen}.writes")
        : Condition.IsAbsent($"{seen}.cluster.ReplicationSourceIdentifier");

    private static JsonObject ScalableTarget(RecoveryTargets targets, JsonObject? also = null)
    {
        var json = new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ResourceId"] = targets.ScalableResource,
            ["ScalableDimension"] = "ecs:service:DesiredCount",
            ["MinCapacity"] = targets.MinCapacity,
        };
        foreach (var (key, value) in also ?? []) json[key] = value?.DeepClone();
        return json;
    }

    private static JsonObject GlobalTarget(RecoveryTargets targets, bool allowDataLoss = false)
    {
        var json = new JsonObject { ["GlobalClusterIdentifier"] = targets.GlobalCluster, ["TargetDbClusterIdentifier"] = targets.StandbyClusterArn };
        if (allowDataLoss) json["AllowDataLoss"] = true;
        return json;
    }
}
