using StudentRecords.Synth.Constructs.Observability;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>EncryptedLogGroup promises a log group of the given name, encrypted with the given key, kept for the given days.</summary>
public sealed class EncryptedLogGroupSpec
{
    private static TerraformJson Group(EncryptedLogGroupConfig config) =>
        ConstructSpec.Synth(stack => new EncryptedLogGroup(stack, "logs", config));

    private static readonly EncryptedLogGroupConfig Minimal = new()
    {
        Name = "/spec/app",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        RetentionDays = 30,
    };

    [Fact]
    public void Is_named_as_given_and_encrypted_with_the_given_key()
    {
        var group = Group(Minimal).Resource("aws_cloudwatch_log_group");
        Assert.Equal("/spec/app", group["name"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, group["kms_key_id"]!.GetValue<string>());
    }

    [Fact]
    public void Keeps_logs_for_the_given_days()
    {
        Assert.Equal(30, Group(Minimal).Resource("aws_cloudwatch_log_group")["retention_in_days"]!.GetValue<int>());
        Assert.Equal(365, Group(Minimal with { RetentionDays = 365 }).Resource("aws_cloudwatch_log_group")["retention_in_days"]!.GetValue<int>());
    }

    [Fact]
    public void Is_the_only_resource_it_creates()
    {
        var resources = Group(Minimal).Root["resource"]!.AsObject();
        Assert.Equal("aws_cloudwatch_log_group", Assert.Single(resources).Key);
    }
}
