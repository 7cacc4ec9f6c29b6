using HashiCorp.Cdktf;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>AccountContext promises the account and partition read at plan time, with nothing account-specific synthesized and no resource created.</summary>
public sealed class AccountContextSpec
{
    private static TerraformJson Context() => ConstructSpec.Synth(stack =>
    {
        var account = new AccountContext(stack, "account");
        new TerraformOutput(stack, "account-id", new TerraformOutputConfig { Value = account.AccountId });
        new TerraformOutput(stack, "partition", new TerraformOutputConfig { Value = account.Partition });
        new TerraformOutput(stack, "root", new TerraformOutputConfig { Value = account.RootPrincipal });
    });

    private static string Output(TerraformJson stack, string name) => stack.Root["output"]![name]!["value"]!.GetValue<string>();

    [Fact]
    public void Reads_the_account_and_partition_from_data_sources_and_creates_nothing()
    {
        var stack = Context();
        Assert.Single(stack.DataSources("aws_caller_identity"));
        Assert.Single(stack.DataSources("aws_partition"));
        Assert.Null(stack.Root["resource"]);
        Assert.Equal(stack.DataReferenceTo("aws_caller_identity", "account_id"), Output(stack, "account-id"));
        Assert.Equal(stack.DataReferenceTo("aws_partition", "partition"), Output(stack, "partition"));
    }

    [Fact]
    public void Its_root_principal_is_built_from_what_was_read()
    {
        var stack = Context();
        Assert.Equal(
            $"arn:{stack.DataReferenceTo("aws_partition", "partition")}:iam::{stack.DataReferenceTo("aws_caller_identity", "account_id")}:root",
            Output(stack, "root"));
        Assert.DoesNotContain("111122223333", stack.Root.ToJsonString(), StringComparison.Ordinal);
    }
}
