using HashiCorp.Cdktf.Providers.Aws.Provider;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// EncryptionKey promises a customer-managed key rotated yearly, deleted only after 30 days, whose policy lets the given
/// administrator grant it through IAM (plus the given service statements), with its alias, in the given region or provider.
/// </summary>
public sealed class EncryptionKeySpec
{
    private const string Root = "arn:aws:iam::111122223333:root";

    private static TerraformJson Key(EncryptionKeyConfig config) =>
        ConstructSpec.Synth(stack => new EncryptionKey(stack, "key", config));

    private static readonly EncryptionKeyConfig Minimal = new()
    {
        Alias = "spec-env",
        Description = "Spec key",
        AdministratorPrincipal = Root,
    };

    [Fact]
    public void Rotates_yearly_waits_thirty_days_before_deletion_and_is_aliased()
    {
        var stack = Key(Minimal);
        var key = stack.Resource("aws_kms_key");
        Assert.True(key["enable_key_rotation"]!.GetValue<bool>());
        Assert.Equal(30, key["deletion_window_in_days"]!.GetValue<int>());
        Assert.Equal("Spec key", key["description"]!.GetValue<string>());
        var alias = stack.Resource("aws_kms_alias");
        Assert.Equal("alias/spec-env", alias["name"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_kms_key", key, "key_id"), alias["target_key_id"]!.GetValue<string>());
    }

    [Fact]
    public void Its_policy_lets_the_administrator_grant_it_and_adds_service_statements_only_when_given()
    {
        var stack = Key(Minimal);
        var policy = stack.Referenced(stack.Resource("aws_kms_key")["policy"]!.GetValue<string>());
        var admin = Assert.Single(policy["statement"]!.AsArray())!;
        Assert.Equal("AccountAdministers", admin["sid"]!.GetValue<string>());
        Assert.Equal([Root], SpecInputs.Strings(admin["principals"]![0]!["identifiers"]));
        Assert.Equal("AWS", admin["principals"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["kms:*"], SpecInputs.Strings(admin["actions"]));

        var withAlarms = Key(Minimal with { ServiceStatements = [PolicyStatements.AllowCloudWatchAlarms()] });
        var statements = Assert.Single(withAlarms.DataSources("aws_iam_policy_document"))["statement"]!.AsArray();
        Assert.Equal(["AccountAdministers", "CloudWatchAlarmsPublish"], statements.Select(s => s!["sid"]!.GetValue<string>()));
    }

    [Fact]
    public void Lives_in_the_given_region_or_with_the_given_provider()
    {
        var stack = Key(Minimal);
        Assert.Null(stack.Resource("aws_kms_key")["region"]);
        Assert.Null(stack.Resource("aws_kms_key")["provider"]);

        var elsewhere = Key(Minimal with { Region = "us-east-1" });
        Assert.Equal("us-east-1", elsewhere.Resource("aws_kms_key")["region"]!.GetValue<string>());
        Assert.Equal("us-east-1", elsewhere.Resource("aws_kms_alias")["region"]!.GetValue<string>());

        var other = ConstructSpec.Synth(scope =>
        {
            var provider = new AwsProvider(scope, "other", new AwsProviderConfig { Region = "eu-west-1", Alias = "other" });
            new EncryptionKey(scope, "key", Minimal with { Provider = provider });
        });
        Assert.Equal("aws.other", other.Resource("aws_kms_key")["provider"]!.GetValue<string>());
        Assert.Equal("aws.other", other.Resource("aws_kms_alias")["provider"]!.GetValue<string>());
        Assert.Equal("aws.other", Assert.Single(other.DataSources("aws_iam_policy_document"))["provider"]!.GetValue<string>());
    }
}
