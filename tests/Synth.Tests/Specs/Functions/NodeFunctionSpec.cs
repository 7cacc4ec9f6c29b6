using StudentRecords.Synth.Constructs.Functions;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>NodeFunction promises a traced Node.js Lambda with encrypted settings, JSON logs in its own encrypted group, and a role only Lambda assumes that may write those logs and do what it is given.</summary>
public sealed class NodeFunctionSpec
{
    private const string TopicArn = "arn:aws:sns:eu-central-1:111122223333:spec-notices";

    private static readonly NodeFunctionConfig Config = new()
    {
        Name = "spec-report",
        Handler = "report",
        Description = "Writes the spec's report",
        Package = SpecInputs.Package,
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        LogRetentionDays = 90,
        Partition = "aws",
        Environment = new Dictionary<string, string> { ["TOPIC_ARN"] = TopicArn, ["STAGE"] = "spec" },
        Permissions = [PolicyStatements.Allow("PublishNotices", ["sns:Publish"], [TopicArn])],
    };

    private static TerraformJson Function(NodeFunctionConfig config) =>
        ConstructSpec.Synth(stack => new NodeFunction(stack, "function", config));

    [Fact]
    public void Runs_the_given_handler_of_the_package_on_node_traced_with_its_settings_encrypted()
    {
        var function = Function(Config with { Handler = "rotate" }).Resource("aws_lambda_function");
        Assert.Equal("spec-report", (string?)function["function_name"]);
        Assert.Equal(NodeFunction.Runtime, (string?)function["runtime"]);
        Assert.Equal("index.rotate", (string?)function["handler"]);
        Assert.EndsWith(Path.GetFileName(Config.Package.Path), (string)function["filename"]!, StringComparison.Ordinal);
        Assert.Equal(Config.Package.Base64Sha256, (string?)function["source_code_hash"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)function["kms_key_arn"]);
        Assert.Equal("Active", (string?)function["tracing_config"]!["mode"]);
        Assert.Equal(Config.Environment, function["environment"]!["variables"]!.AsObject().ToDictionary(v => v.Key, v => (string)v.Value!));
        Assert.Null(function["reserved_concurrent_executions"]);
    }

    [Fact]
    public void Logs_as_json_to_its_own_group_encrypted_with_the_key_for_the_given_days()
    {
        var stack = Function(Config with { LogRetentionDays = 14 });
        var group = stack.Resource("aws_cloudwatch_log_group");
        Assert.Equal("/aws/lambda/spec-report", (string?)group["name"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)group["kms_key_id"]);
        Assert.Equal(14, (int)group["retention_in_days"]!);
        var logging = stack.Resource("aws_lambda_function")["logging_config"]!;
        Assert.Equal("JSON", (string?)logging["log_format"]);
        Assert.Equal(stack.ReferenceTo("aws_cloudwatch_log_group", group, "name"), (string?)logging["log_group"]);
    }

    [Fact]
    public void Its_role_only_lambda_assumes_may_write_its_own_logs_and_do_what_it_is_given()
    {
        var stack = Function(Config with { Partition = "aws-cn" });
        var role = (string)stack.Resource("aws_lambda_function")["role"]!;
        Assert.Equal(["lambda.amazonaws.com"], SpecInputs.TrustedServices(stack, role));
        var statements = SpecInputs.InlineStatements(stack, role);
        Assert.Equal(2, statements.Count);
        var logs = Assert.Single(statements, s => (string?)s!["sid"] == "WriteOwnLogs")!;
        Assert.Equal([stack.ReferenceTo("aws_cloudwatch_log_group", stack.Resource("aws_cloudwatch_log_group"), "arn") + ":*"], logs["resources"]!.AsArray().Select(r => (string)r!));
        var given = Assert.Single(statements, s => (string?)s!["sid"] == "PublishNotices")!;
        Assert.Equal([TopicArn], given["resources"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["arn:aws-cn:iam::aws:policy/AWSXRayDaemonWriteAccess"], SpecInputs.ManagedPolicies(stack, role));
    }
}
