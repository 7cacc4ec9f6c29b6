using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecretVersion;
using StudentRecords.Synth.Constructs.Database;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>DatabaseRotation promises AWS's pinned single-user MySQL rotation function in the given subnets, rotating the given secret every given days, first after the secret has its value.</summary>
public sealed class DatabaseRotationSpec
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:spec/database/master";

    private static TerraformJson Rotation(string region = ConstructSpec.Region, int days = 30) =>
        ConstructSpec.Synth(stack =>
        {
            var firstValue = new SecretsmanagerSecretVersion(stack, "first-value", new SecretsmanagerSecretVersionConfig { SecretId = SecretArn, SecretString = "{}" });
            new DatabaseRotation(stack, "rotation", new DatabaseRotationConfig
            {
                Name = "spec",
                Region = region,
                SecretArn = SecretArn,
                KmsKeyArn = ConstructSpec.KmsKeyArn,
                SubnetIds = ["subnet-a", "subnet-b"],
                SecurityGroupId = "sg-rotation",
                RotationDays = days,
                FirstValue = firstValue,
            });
        });

    [Fact]
    public void Deploys_aws_pinned_single_user_mysql_function_in_the_given_subnets_with_the_secrets_key()
    {
        var function = Rotation(region: "eu-west-1").Resource("aws_serverlessapplicationrepository_cloudformation_stack");
        Assert.Equal(DatabaseRotation.ApplicationId, (string?)function["application_id"]);
        Assert.Equal("1.1.671", (string?)function["semantic_version"]);
        var parameters = function["parameters"]!;
        Assert.Equal("spec-database-rotation", (string?)parameters["functionName"]);
        Assert.Equal("https://secretsmanager.eu-west-1.amazonaws.com", (string?)parameters["endpoint"]);
        Assert.Equal("subnet-a,subnet-b", (string?)parameters["vpcSubnetIds"]);
        Assert.Equal("sg-rotation", (string?)parameters["vpcSecurityGroupIds"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)parameters["kmsKeyArn"]);
        Assert.Equal(DatabaseCredentials.ExcludedCharacters, (string?)parameters["excludeCharacters"]);
    }

    [Fact]
    public void Rotates_the_given_secret_every_given_days_with_that_function_and_not_at_once()
    {
        var stack = Rotation(days: 7);
        var rotation = stack.Resource("aws_secretsmanager_secret_rotation");
        Assert.Equal(SecretArn, (string?)rotation["secret_id"]);
        Assert.Equal(7, (int)rotation["rotation_rules"]!["automatically_after_days"]!);
        Assert.False((bool)rotation["rotate_immediately"]!);
        var function = stack.Resource("aws_serverlessapplicationrepository_cloudformation_stack");
        Assert.Equal(stack.ReferenceTo("aws_serverlessapplicationrepository_cloudformation_stack", function, "outputs")[..^1] + "[\"RotationLambdaARN\"]}", (string?)rotation["rotation_lambda_arn"]);
    }

    [Fact]
    public void Waits_for_the_secrets_first_value()
    {
        var rotation = Rotation().Resource("aws_secretsmanager_secret_rotation");
        Assert.Equal(["aws_secretsmanager_secret_version.first-value"], SpecInputs.DependsOn(rotation));
    }
}
