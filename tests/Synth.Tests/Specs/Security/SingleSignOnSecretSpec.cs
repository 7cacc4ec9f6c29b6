using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// SingleSignOnSecret promises, in the primary, an empty key-encrypted secret replicated with each replica's key (its value is
/// the operator's, never synthesized); in a standby, only a lookup of its replica by name.
/// </summary>
public sealed class SingleSignOnSecretSpec
{
    private const string ReplicaKey = "arn:aws:kms:eu-west-1:111122223333:key/replica-key";

    private static TerraformJson Secret(SingleSignOnSecretConfig config) =>
        ConstructSpec.Synth(stack => new SingleSignOnSecret(stack, "sso", config));

    private static readonly SingleSignOnSecretConfig Primary = new()
    {
        SecretName = "spec-project/auth/oidc-client-secret",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        Replicas = [new SecretReplica("eu-west-1", ReplicaKey)],
        Create = true,
    };

    [Fact]
    public void The_primary_creates_an_encrypted_replicated_secret_without_a_value()
    {
        var stack = Secret(Primary);
        var secret = stack.Resource("aws_secretsmanager_secret");
        Assert.Equal("spec-project/auth/oidc-client-secret", secret["name"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, secret["kms_key_id"]!.GetValue<string>());
        Assert.Equal(7, secret["recovery_window_in_days"]!.GetValue<int>());
        var replica = Assert.Single(secret["replica"]!.AsArray())!;
        Assert.Equal("eu-west-1", replica["region"]!.GetValue<string>());
        Assert.Equal(ReplicaKey, replica["kms_key_id"]!.GetValue<string>());
        Assert.Empty(stack.Resources("aws_secretsmanager_secret_version"));
        Assert.Null(stack.Root["data"]);
    }

    [Fact]
    public void A_standby_only_looks_its_replica_up_by_name()
    {
        var stack = Secret(Primary with { Create = false, Replicas = [] });
        Assert.Null(stack.Root["resource"]);
        Assert.Equal("spec-project/auth/oidc-client-secret", Assert.Single(stack.DataSources("aws_secretsmanager_secret"))["name"]!.GetValue<string>());
    }
}
