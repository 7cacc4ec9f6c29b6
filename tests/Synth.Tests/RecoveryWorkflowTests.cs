using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Recovery;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// The failover and failback definitions as the state language reads them: every wait bounded by the model,
/// every task bounded, retried on throttling and caught, every failure ending in the FAILED notice. Built here
/// from the model without a synth, so the modes moto cannot run (global databases, approval) are covered too.
/// </summary>
public sealed class RecoveryWorkflowTests
{
    private static RecoveryTargets Targets(ReplicationMode mode = ReplicationMode.Binlog, RecoverySpec? recovery = null) => new()
    {
        PrimaryRegion = "eu-central-1",
        StandbyRegion = "eu-west-1",
        Replication = mode,
        StandbyCluster = "srs-dr-aurora",
        StandbyClusterArn = "arn:aws:rds:eu-west-1:111122223333:cluster:srs-dr-aurora",
        PrimaryClusterArn = "arn:aws:rds:eu-central-1:111122223333:cluster:srs-production-aurora",
        GlobalCluster = "srs-global",
        EcsCluster = "srs-dr",
        EcsService = "srs-dr",
        DesiredCount = 3,
        MinCapacity = 2,
        MaxCapacity = 10,
        TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/srs-dr/abc",
        ActiveRegionParameter = "/srs/active-region",
        LastDrillParameter = "/srs/last-drill",
        ApprovalParameter = "/srs/failover-approval",
        TopicArn = "arn:aws:sns:eu-west-1:111122223333:srs-dr-alerts",
        Recovery = recovery ?? new RecoverySpec { AutomaticFailover = false },
    };

    private static JsonObject Failover(RecoveryTargets targets) => FailoverWorkflow.Build(targets).ToJson();

    private static JsonObject Failback(RecoveryTargets targets) => FailbackWorkflow.Build(targets).ToJson();

    /// <summary>Every state of a definition, its Parallel branches' too, with the states object that holds it.</summary>
    private static IEnumerable<(string Name, JsonObject State, JsonObject Scope)> AllStates(JsonObject definition)
    {
        var states = definition["States"]!.AsObject();
        foreach (var (name, node) in states)
        {
            var state = node!.AsObject();
            yield return (name, state, states);
            foreach (var branch in state["Branches"]?.AsArray() ?? [])
                foreach (var inner in AllStates(branch!.AsObject())) yield return inner;
        }
    }

    public static TheoryData<string> Definitions => ["failover binlog", "failover global", "failover approval", "failback binlog", "failback global"];

    private static JsonObject Definition(string which) => which switch
    {
        "failover binlog" => Failover(Targets()),
        "failover global" => Failover(Targets(ReplicationMode.Global)),
        "failover approval" => Failover(Targets(recovery: new RecoverySpec
        {
            AutomaticFailover = false,
            Approval = true
        })),
        "failback binlog" => Failback(Targets()),
        "failback global" => Failback(Targets(ReplicationMode.Global)),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void EveryTaskIsBoundedRetriedOnThrottlingAndCaught(string which)
    {
        var tasks = AllStates(Definition(which)).Where(s => (string?)s.State["Type"] == "Task").ToList();

        Assert.NotEmpty(tasks);
        foreach (var (name, task, _) in tasks)
        {
            Assert.StartsWith("arn:aws:states:::aws-sdk:", (string?)task["Resource"]);
            Assert.InRange((int)task["TimeoutSeconds"]!, 1, 24 * 3600);
            var retry = Assert.Single(task["Retry"]!.AsArray())!;
            Assert.Contains(retry["ErrorEquals"]!.AsArray(), e => ((string)e!).EndsWith(".ThrottlingException", StringComparison.Ordinal));
            Assert.Equal(2.0, (double)retry["BackoffRate"]!);
            var catcher = Assert.Single(task["Catch"]!.AsArray())!;
            Assert.Equal("States.ALL", (string?)Assert.Single(catcher["ErrorEquals"]!.AsArray()));
            Assert.True(name.Length <= 80);
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void EveryFailureEndsInTheFailedNoticeNamingItsStep(string which)
    {
        var definition = Definition(which);
        var top = definition["States"]!.AsObject();

        Assert.Equal("Fail", (string?)top[RecoveryNotices.Failed]!["Type"]);
        Assert.Contains("FAILED", (string?)top[RecoverySteps.NotifyFailed]!["Parameters"]!["Subject"]);
        foreach (var (name, state, scope) in AllStates(definition))
        {
            foreach (var catcher in state["Catch"]?.AsArray() ?? [])
            {
                var handler = scope[(string)catcher!["Next"]!]!.AsObject();
                if (scope == top && name != RecoverySteps.NotifyFailed)
                {
                    // A top-level step names itself as the failure's Error; a Parallel's failing branch already did.
                    if ((string?)state["Type"] == "Parallel")
                        Assert.Equal(RecoverySteps.NotifyFailed, (string?)catcher["Next"]);
                    else
                    {
                        Assert.Equal(name, (string?)handler["Parameters"]?["Error"]);
                        Assert.Equal(RecoverySteps.NotifyFailed, (string?)handler["Next"]);
                    }
                }
                else if (scope != top)
                {
                    Assert.Equal("Fail", (string?)handler["Type"]);
                    Assert.Equal(name, (string?)handler["Error"]);
                }
            }
        }
    }

    [Fact]
    public void WaitsLoopAtMostTheModelsBoundAtItsInterval()
    {
        var recovery = new RecoverySpec
        {
            AutomaticFailover = false,
            PollSeconds = 20,
            PromotionWaitMinutes = 12,
            ServiceWaitMinutes = 5
        };
        var states = AllStates(Failover(Targets(recovery: recovery))).ToDictionary(s => s.Name, s => s.State);

        Assert.Equal(12 * 60 / 20, (int)GiveUpBound(states["Wait until it is writable: decide"]));
        Assert.Equal(5 * 60 / 20, (int)GiveUpBound(states["Wait for a healthy task: decide"]));
        Assert.All(states.Values.Where(s => (string?)s["Type"] == "Wait"), w => Assert.Equal(20, (int)w["Seconds"]!));
        // The execution as a whole outlives the longest wait, so a wait's own bound (and its notice) comes first.
        var definition = Failover(Targets(recovery: recovery));
        Assert.True((int)definition["TimeoutSeconds"]! > 12 * 60);
    }

    private static int GiveUpBound(JsonObject decide) =>
        (int)decide["Choices"]!.AsArray().Single(c => ((string?)c!["Next"])!.EndsWith(": gave up", StringComparison.Ordinal))!["NumericGreaterThanEquals"]!;

    [Fact]
    public void ServiceScalingAndPromotionRunSideBySide()
    {
        var parallel = Failover(Targets())["States"]![FailoverWorkflow.ScaleOutAndPromote]!;
        var branches = parallel["Branches"]!.AsArray().Select(b => b!["States"]!.AsObject()).ToList();

        Assert.Equal("Parallel", (string?)parallel["Type"]);
        Assert.Equal(2, branches.Count);
        Assert.Contains(branches, b => b.ContainsKey("Raise the desired count") && b.ContainsKey("Wait for a healthy task"));
        Assert.Contains(branches, b => b.ContainsKey("Promote the database") && b.ContainsKey("Wait until it is writable"));
    }

    [Fact]
    public void ScalingOnlyRaisesTheMinimumAndTheDesiredCountNeverLowersThem()
    {
        var states = AllStates(Failover(Targets())).ToDictionary(s => s.Name, s => s.State);

        var check = states["Is the minimum below production's"]["Choices"]!.AsArray();
        Assert.Equal(("$.scaling.min", 2, "Read the service"), ((string)check[0]!["Variable"]!, (int)check[0]!["NumericGreaterThanEquals"]!, (string)check[0]!["Next"]!));
        Assert.Null(states["Raise the minimum"]["Parameters"]!["MaxCapacity"]); // an operator's ceiling stays
        Assert.Equal(10, (int)states["Raise the minimum and maximum"]["Parameters"]!["MaxCapacity"]!); // only when it is below the new minimum
        var desired = states["Is the service smaller than production"]["Choices"]![0]!;
        Assert.Equal(3, (int)desired["NumericGreaterThanEquals"]!);
        Assert.Equal(3, (int)states["Raise the desired count"]["Parameters"]!["DesiredCount"]!);
    }

    [Fact]
    public void OnlyOneRunAtATime()
    {
        foreach (var definition in new[] { Failover(Targets()), Failback(Targets()) })
        {
            var states = definition["States"]!.AsObject();
            var guard = states[(string)definition["StartAt"]!]!;
            Assert.Equal("arn:aws:states:::aws-sdk:sfn:listExecutions", (string?)guard["Resource"]);
            Assert.Equal("$$.StateMachine.Id", (string?)guard["Parameters"]!["StateMachineArn.$"]);
            Assert.Equal("RUNNING", (string?)guard["Parameters"]!["StatusFilter"]);
            var rule = states[(string)guard["Next"]!]!["Choices"]![0]!;
            Assert.Equal(2, (int)rule["NumericGreaterThanEquals"]!); // the list includes this execution
            Assert.Equal("Fail", (string?)states[(string)rule["Next"]!]!["Type"]);
        }
    }

    [Fact]
    public void GlobalDatabasesSwitchOverWhenThePrimaryAnswersAndFailOverWithDataLossWhenItIsDown()
    {
        var states = AllStates(Failover(Targets(ReplicationMode.Global))).ToDictionary(s => s.Name, s => s.State);

        Assert.DoesNotContain("Promote the database", states.Keys);
        var reachable = states["Is the primary reachable"]["Choices"]![0]!;
        Assert.Equal("Switch the global writer over", (string?)reachable["Next"]);
        Assert.Contains("\"Variable\":\"$.primaryReachable\",\"IsPresent\":true", reachable.ToJsonString());
        Assert.Equal("Fail the global writer over", (string?)states["Is the primary reachable"]["Default"]);
        Assert.True((bool)states["Fail the global writer over"]["Parameters"]!["AllowDataLoss"]!);
        Assert.Null(states["Switch the global writer over"]["Parameters"]!["AllowDataLoss"]);
        Assert.Equal("arn:aws:rds:eu-west-1:111122223333:cluster:srs-dr-aurora", (string?)states["Fail the global writer over"]["Parameters"]!["TargetDbClusterIdentifier"]);
    }

    [Fact]
    public void ApprovalWaitsWithATaskTokenBeforePromotionOnlyWhenTheModelAsks()
    {
        var recovery = new RecoverySpec { AutomaticFailover = false, Approval = true, ApprovalWaitMinutes = 45 };
        var branch = Failover(Targets(recovery: recovery))["States"]![FailoverWorkflow.ScaleOutAndPromote]!["Branches"]!.AsArray()
            .Select(b => b!.AsObject()).Single(b => b["States"]!.AsObject().ContainsKey("Promote the database"));
        var approval = branch["States"]![(string)branch["StartAt"]!]!;

        Assert.Equal("arn:aws:states:::aws-sdk:ssm:putParameter.waitForTaskToken", (string?)approval["Resource"]);
        Assert.Equal("$$.Task.Token", (string?)approval["Parameters"]!["Value.$"]);
        Assert.Equal("/srs/failover-approval", (string?)approval["Parameters"]!["Name"]);
        Assert.Equal(45 * 60, (int)approval["TimeoutSeconds"]!);
        Assert.Equal("Read the standby database", (string?)approval["Next"]);
        Assert.DoesNotContain("waitForTaskToken", Failover(Targets()).ToJsonString());
    }

    [Fact]
    public void GlobalFailbackSwitchesTheWriterBackAndWaitsForIt()
    {
        var states = AllStates(Failback(Targets(ReplicationMode.Global))).ToDictionary(s => s.Name, s => s.State);

        Assert.Equal("arn:aws:rds:eu-central-1:111122223333:cluster:srs-production-aurora", (string?)states["Switch the global writer back"]["Parameters"]!["TargetDbClusterIdentifier"]);
        Assert.Contains("srs-production-aurora", (string?)states["Wait for the primary to write: look"]["ResultSelector"]!["primaryWrites.$"]);
        Assert.DoesNotContain("Is the database returned", states.Keys);
    }

    [Fact]
    public void BinlogFailbackRefusesUntilTheOperatorConfirmsTheDatabaseIsReturned()
    {
        var states = AllStates(Failback(Targets())).ToDictionary(s => s.Name, s => s.State);
        var rule = states["Is the database returned"]["Choices"]![0]!;

        Assert.Contains("$.databaseReturned", rule.ToJsonString());
        Assert.Equal("The database is not returned", (string?)states["Is the database returned"]["Default"]);
        Assert.Contains("restore production from DR", (string?)states["The database is not returned"]["Parameters"]!["Cause"]);
    }

    [Fact]
    public void AWorkflowRefusesATransitionToAStateItDoesNotDefine()
    {
        var workflow = new Workflow().Add("First", new PassState(new JsonObject(), ResultPath.Discard, "Nowhere"));

        var error = Assert.Throws<InvalidOperationException>(() => workflow.ToJson());
        Assert.Contains("'First' goes to 'Nowhere'", error.Message);
        Assert.Throws<ArgumentException>(() => new Workflow().Add("Twice", new SucceedState()).Add("Twice", new SucceedState()));
    }

    [Fact]
    public void TheRoleAllowsExactlyTheActionsTheWorkflowCalls()
    {
        Assert.Equal(
            ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:RegisterScalableTarget", "ecs:DescribeServices", "ecs:UpdateService",
             "elasticloadbalancing:DescribeTargetHealth", "rds:DescribeDBClusters", "rds:PromoteReadReplicaDBCluster", "sns:Publish", "ssm:GetParameters", "ssm:PutParameter", "states:ListExecutions"],
            WorkflowActions.Of(FailoverWorkflow.Build(Targets())));
        Assert.Contains("rds:FailoverGlobalCluster", WorkflowActions.Of(FailoverWorkflow.Build(Targets(ReplicationMode.Global))));
        Assert.DoesNotContain("rds:PromoteReadReplicaDBCluster", WorkflowActions.Of(FailbackWorkflow.Build(Targets())));
    }
}
