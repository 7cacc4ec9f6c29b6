using StudentRecords.Synth.Constructs.Recovery;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// RecoveryStateMachine promises a Standard (or, when asked, Express) state machine that logs every execution with its data
/// to an encrypted log group and is traced, run by a role allowed exactly the workflow's actions on the resources named for them.
/// </summary>
public sealed class RecoveryStateMachineSpec
{
    private const string Failover = "arn:aws:states:eu-central-1:111122223333:stateMachine:spec-failover";
    private const string Topic = "arn:aws:sns:eu-central-1:111122223333:spec-alerts";

    private static TerraformJson Machine(RecoveryStateMachineConfig config) =>
        ConstructSpec.Synth(stack => new RecoveryStateMachine(stack, "machine", config));

    private static readonly RecoveryStateMachineConfig Minimal = new()
    {
        Name = "spec-trigger",
        Workflow = TriggerWorkflow.Build(Failover, Topic),
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        LogRetentionDays = 14,
        ResourcesByAction = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["states:StartExecution"] = [Failover],
            ["sns:Publish"] = [Topic],
            ["rds:PromoteReadReplicaDBCluster"] = ["arn:aws:rds:eu-central-1:111122223333:cluster:spec"], // named, but not called
        },
    };

    [Fact]
    public void Logs_every_execution_with_its_data_to_an_encrypted_vended_log_group_and_traces_it()
    {
        var stack = Machine(Minimal);
        var machine = stack.Resource("aws_sfn_state_machine");
        Assert.Equal("spec-trigger", machine["name"]!.GetValue<string>());
        Assert.Equal("STANDARD", machine["type"]!.GetValue<string>());
        Assert.Equal(Minimal.Workflow.ToJsonString(), machine["definition"]!.GetValue<string>());
        Assert.True(machine["tracing_configuration"]!["enabled"]!.GetValue<bool>());
        var logging = machine["logging_configuration"]!;
        Assert.Equal("ALL", logging["level"]!.GetValue<string>());
        Assert.True(logging["include_execution_data"]!.GetValue<bool>());

        var group = stack.Resource("aws_cloudwatch_log_group");
        Assert.Equal($"{stack.ReferenceTo("aws_cloudwatch_log_group", group, "arn")}:*", logging["log_destination"]!.GetValue<string>());
        Assert.Equal("/aws/vendedlogs/states/spec-trigger", group["name"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, group["kms_key_id"]!.GetValue<string>());
        Assert.Equal(14, group["retention_in_days"]!.GetValue<int>());
    }

    [Fact]
    public void Its_role_may_call_exactly_the_workflows_actions_each_on_its_resources()
    {
        var stack = Machine(Minimal);
        var trust = Assert.Single(stack.DataSources("aws_iam_policy_document"), d => d["statement"]![0]!["sid"]!.GetValue<string>() == "ServiceAssumesRole");
        Assert.Equal(["states.amazonaws.com"], SpecInputs.Strings(trust["statement"]![0]!["principals"]![0]!["identifiers"]));

        var permissions = Assert.Single(stack.DataSources("aws_iam_policy_document"), d => d != trust);
        var calls = permissions["statement"]!.AsArray().Where(s => s!["sid"]!.GetValue<string>().StartsWith(RecoveryStateMachine.CallSidPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(["sns:Publish", "states:StartExecution"], calls.SelectMany(s => SpecInputs.Strings(s!["actions"])).Order(StringComparer.Ordinal));
        Assert.Equal([Topic], SpecInputs.Strings(SpecInputs.Statement(permissions, "CallPublish")["resources"]));
        Assert.Equal([Failover], SpecInputs.Strings(SpecInputs.Statement(permissions, "CallStartExecution")["resources"]));
        Assert.Equal([ConstructSpec.KmsKeyArn], SpecInputs.Strings(SpecInputs.Statement(permissions, "UseTheRegionKey")["resources"]));
        Assert.DoesNotContain("rds:", permissions.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Is_created_after_its_role_policy_and_is_express_only_when_asked()
    {
        var stack = Machine(Minimal with { Express = true });
        var machine = stack.Resource("aws_sfn_state_machine");
        Assert.Equal("EXPRESS", machine["type"]!.GetValue<string>());
        var policy = Assert.Single(stack.Root["resource"]!["aws_iam_role_policy"]!.AsObject()).Key;
        Assert.Contains($"aws_iam_role_policy.{policy}", SpecInputs.Strings(machine["depends_on"]));
        Assert.Equal("STANDARD", Machine(Minimal).Resource("aws_sfn_state_machine")["type"]!.GetValue<string>());
    }

    [Fact]
    public void Refuses_a_workflow_that_calls_an_action_no_resource_is_named_for()
    {
        var missing = Minimal with { ResourcesByAction = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["sns:Publish"] = [Topic] } };
        var error = Assert.Throws<InvalidOperationException>(() => Machine(missing));
        Assert.Contains("states:StartExecution", error.Message, StringComparison.Ordinal);
    }
}
