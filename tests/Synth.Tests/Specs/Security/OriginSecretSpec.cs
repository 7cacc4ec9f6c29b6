using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// OriginSecret promises, where it creates the secret, a 48-character alphanumeric value generated once into a key-encrypted
/// secret replicated with each replica's key; where it does not, only a read of the existing value (in the given region).
/// </summary>
public sealed class OriginSecretSpec
{
    private const string ReplicaKey = "arn:aws:kms:eu-west-1:111122223333:key/replica-key";

    private static TerraformJson Secret(OriginSecretConfig config) =>
        ConstructSpec.Synth(stack => new OriginSecret(stack, "origin-secret", config));

    private static readonly OriginSecretConfig Creator = new()
    {
        SecretName = "spec-project/edge/origin-verify",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        Replicas = [new SecretReplica("eu-west-1", ReplicaKey)],
        Create = true,
    };

    [Fact]
    public void Generates_a_long_alphanumeric_value_into_an_encrypted_replicated_secret()
    {
        var stack = Secret(Creator);
        var random = Assert.Single(stack.DataSources("aws_secretsmanager_random_password"));
        Assert.Equal(48, random["password_length"]!.GetValue<int>());
        Assert.True(random["exclude_punctuation"]!.GetValue<bool>());

        var secret = stack.Resource("aws_secretsmanager_secret");
        Assert.Equal("spec-project/edge/origin-verify", secret["name"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, secret["kms_key_id"]!.GetValue<string>());
        Assert.Equal(7, secret["recovery_window_in_days"]!.GetValue<int>());
        var replica = Assert.Single(secret["replica"]!.AsArray())!;
        Assert.Equal("eu-west-1", replica["region"]!.GetValue<string>());
        Assert.Equal(ReplicaKey, replica["kms_key_id"]!.GetValue<string>());
    }

    [Fact]
    public void Writes_the_value_once_and_never_regenerates_it()
    {
        var stack = Secret(Creator);
        var version = stack.Resource("aws_secretsmanager_secret_version");
        Assert.Equal(stack.ReferenceTo("aws_secretsmanager_secret", stack.Resource("aws_secretsmanager_secret"), "id"), version["secret_id"]!.GetValue<string>());
        Assert.Equal(stack.DataReferenceTo("aws_secretsmanager_random_password", "random_password"), version["secret_string"]!.GetValue<string>());
        Assert.Equal(["secret_string"], SpecInputs.Strings(version["lifecycle"]!["ignore_changes"]));
    }

    [Fact]
    public void A_reader_creates_nothing_and_reads_the_value_where_told()
    {
        var stack = Secret(Creator with { Create = false, Replicas = [], ReadFromRegion = "us-east-2" });
        Assert.Null(stack.Root["resource"]);
        Assert.Empty(stack.DataSources("aws_secretsmanager_random_password"));
        var value = Assert.Single(stack.DataSources("aws_secretsmanager_secret_version"));
        Assert.Equal("spec-project/edge/origin-verify", value["secret_id"]!.GetValue<string>());
        Assert.Equal("us-east-2", value["region"]!.GetValue<string>());
    }
}
