using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>FlowLogs promises every accepted and rejected flow of the VPC in a log group under the key, written by a role that may write only there.</summary>
public sealed class FlowLogsSpec
{
    private static readonly FlowLogsConfig Config = new()
    {
        Name = "spec-production-vpc-flow-logs",
        VpcId = "vpc-spec",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        RetentionDays = 90,
    };

    private static TerraformJson Logs(FlowLogsConfig config) =>
        ConstructSpec.Synth(stack => new FlowLogs(stack, "flow-logs", config));

    [Fact]
    public void Records_every_flow_of_the_vpc_into_a_group_encrypted_with_the_key_for_the_given_days()
    {
        var stack = Logs(Config with { VpcId = "vpc-other", RetentionDays = 30 });
        var group = stack.Resource("aws_cloudwatch_log_group");
        Assert.Equal("/vpc/spec-production-vpc-flow-logs", (string?)group["name"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)group["kms_key_id"]);
        Assert.Equal(30, (int)group["retention_in_days"]!);
        var flowLog = stack.Resource("aws_flow_log");
        Assert.Equal("vpc-other", (string?)flowLog["vpc_id"]);
        Assert.Equal("ALL", (string?)flowLog["traffic_type"]);
        Assert.Equal("cloud-watch-logs", (string?)flowLog["log_destination_type"]);
        Assert.Equal(stack.ReferenceTo("aws_cloudwatch_log_group", group, "arn"), (string?)flowLog["log_destination"]);
        Assert.Equal(60, (int)flowLog["max_aggregation_interval"]!);
    }

    [Fact]
    public void Writes_through_a_role_only_flow_logs_assume_that_may_write_only_to_that_group()
    {
        var stack = Logs(Config);
        var role = (string)stack.Resource("aws_flow_log")["iam_role_arn"]!;
        Assert.Equal(["vpc-flow-logs.amazonaws.com"], SpecInputs.TrustedServices(stack, role));
        var statement = Assert.Single(SpecInputs.InlineStatements(stack, role))!;
        Assert.Equal("Allow", (string?)statement["effect"]);
        Assert.Equal([stack.ReferenceTo("aws_cloudwatch_log_group", stack.Resource("aws_cloudwatch_log_group"), "arn") + ":*"], statement["resources"]!.AsArray().Select(r => (string)r!));
        Assert.Empty(SpecInputs.ManagedPolicies(stack, role));
    }
}
