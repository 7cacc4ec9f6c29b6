using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// OriginSecretRotation promises a rotation every 30 days (not at once) by a function only Secrets Manager of this account may
/// invoke, allowed to rotate this secret and to change the listener rules of exactly the given load balancers.
/// </summary>
public sealed class OriginSecretRotationSpec
{
    private const string Secret = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:spec-origin-verify";

    private static TerraformJson Rotation(OriginSecretRotationConfig config) =>
        ConstructSpec.Synth(stack => new OriginSecretRotation(stack, "rotation", config));

    private static readonly OriginSecretRotationConfig Minimal = new()
    {
        Name = "spec-production",
        SecretArn = Secret,
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        Package = SpecInputs.Package,
        LogRetentionDays = 30,
        Partition = "aws",
        AccountId = SpecInputs.AccountId,
        LoadBalancers = [("srs-production", "eu-central-1"), ("srs-dr", "eu-west-1")],
        DistributionComment = "spec-edge",
    };

    private static System.Text.Json.Nodes.JsonObject Permissions(TerraformJson stack) =>
        Assert.Single(stack.DataSources("aws_iam_policy_document"), d => d["statement"]!.AsArray().Any(s => s!["sid"]!.GetValue<string>() == "RotateTheSecret"));

    [Fact]
    public void Rotates_the_secret_every_thirty_days_not_at_once_and_after_the_permission()
    {
        var stack = Rotation(Minimal);
        var rotation = stack.Resource("aws_secretsmanager_secret_rotation");
        Assert.Equal(Secret, rotation["secret_id"]!.GetValue<string>());
        Assert.Equal(30, rotation["rotation_rules"]!["automatically_after_days"]!.GetValue<int>());
        Assert.False(rotation["rotate_immediately"]!.GetValue<bool>());
        Assert.Equal(stack.ReferenceTo("aws_lambda_function", stack.Resource("aws_lambda_function"), "arn"), rotation["rotation_lambda_arn"]!.GetValue<string>());
        var permission = Assert.Single(stack.Root["resource"]!["aws_lambda_permission"]!.AsObject()).Key;
        Assert.Equal([$"aws_lambda_permission.{permission}"], SpecInputs.Strings(rotation["depends_on"]));
    }

    [Fact]
    public void Only_secrets_manager_of_this_account_may_invoke_the_function()
    {
        var stack = Rotation(Minimal);
        var permission = stack.Resource("aws_lambda_permission");
        Assert.Equal("secretsmanager.amazonaws.com", permission["principal"]!.GetValue<string>());
        Assert.Equal(SpecInputs.AccountId, permission["source_account"]!.GetValue<string>());
        Assert.Equal("lambda:InvokeFunction", permission["action"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_lambda_function", stack.Resource("aws_lambda_function"), "function_name"), permission["function_name"]!.GetValue<string>());
    }

    [Fact]
    public void May_rotate_only_this_secret_and_change_only_the_given_load_balancers_rules()
    {
        var stack = Rotation(Minimal with { LoadBalancers = [("srs-production", "eu-central-1")] });
        var permissions = Permissions(stack);
        Assert.Equal([Secret], SpecInputs.Strings(SpecInputs.Statement(permissions, "RotateTheSecret")["resources"]));
        Assert.Equal([ConstructSpec.KmsKeyArn], SpecInputs.Strings(SpecInputs.Statement(permissions, "UseTheSecretsKey")["resources"]));
        Assert.Equal(
            ["arn:aws:elasticloadbalancing:eu-central-1:111122223333:listener-rule/app/srs-production/*"],
            SpecInputs.Strings(SpecInputs.Statement(permissions, "AcceptBothValues")["resources"]));

        var function = stack.Resource("aws_lambda_function");
        Assert.Equal("spec-production-origin-secret-rotation", function["function_name"]!.GetValue<string>());
        Assert.Equal("srs-production@eu-central-1", function["environment"]!["variables"]!["LOAD_BALANCERS"]!.GetValue<string>());
        Assert.Equal("spec-edge", function["environment"]!["variables"]!["DISTRIBUTION_COMMENT"]!.GetValue<string>());

        var both = Permissions(Rotation(Minimal));
        Assert.Equal(2, SpecInputs.Strings(SpecInputs.Statement(both, "AcceptBothValues")["resources"]).Count);
    }
}
