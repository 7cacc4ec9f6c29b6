using StudentRecords.Synth.Constructs.Database;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>DatabaseCredentials promises a secret encrypted with the region's key, replicated under each standby's key, with a generated password that never appears in the JSON; a standby only looks its replica up.</summary>
public sealed class DatabaseCredentialsSpec
{
    private static readonly DatabaseCredentialsConfig Primary = new()
    {
        SecretName = "spec/database/master",
        Username = "admin_user",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        Replicas = [new SecretReplica("eu-west-1", "arn:aws:kms:eu-west-1:111122223333:key/dr-key"), new SecretReplica("eu-north-1", "arn:aws:kms:eu-north-1:111122223333:key/dr2-key")],
        Create = true,
    };

    private static TerraformJson Credentials(DatabaseCredentialsConfig config, bool storeFirstValue = false) =>
        ConstructSpec.Synth(stack =>
        {
            var credentials = new DatabaseCredentials(stack, "credentials", config);
            if (storeFirstValue) credentials.StoreFirstValue("spec-db.cluster.example", 3306, "records");
        });

    [Fact]
    public void The_secret_is_encrypted_with_the_given_key_and_replicated_under_each_regions_own_key()
    {
        var secret = Credentials(Primary).Resource("aws_secretsmanager_secret");
        Assert.Equal("spec/database/master", (string?)secret["name"]);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)secret["kms_key_id"]);
        Assert.Equal(30, (int)secret["recovery_window_in_days"]!);
        var replicas = secret["replica"]!.AsArray().Select(r => ((string)r!["region"]!, (string)r["kms_key_id"]!));
        Assert.Equal(Primary.Replicas.Select(r => (r.Region, r.KmsKeyArn)), replicas);
    }

    [Fact]
    public void The_password_is_generated_without_url_breaking_characters_and_only_referenced_in_the_json()
    {
        var stack = Credentials(Primary, storeFirstValue: true);
        var password = stack.DataSources("aws_secretsmanager_random_password").Single();
        Assert.Equal(32, (int)password["password_length"]!);
        Assert.Equal(DatabaseCredentials.ExcludedCharacters, (string?)password["exclude_characters"]);
        var value = stack.Resource("aws_secretsmanager_secret_version");
        Assert.Contains(stack.DataReferenceTo("aws_secretsmanager_random_password", "random_password").Trim('$', '{', '}'), (string)value["secret_string"]!, StringComparison.Ordinal);
        Assert.Equal(["secret_string"], value["lifecycle"]!["ignore_changes"]!.AsArray().Select(c => (string)c!));
    }

    [Fact]
    public void The_first_value_has_the_shape_the_rotation_function_reads()
    {
        var stack = Credentials(Primary, storeFirstValue: true);
        var value = stack.Resource("aws_secretsmanager_secret_version");
        Assert.Equal(stack.ReferenceTo("aws_secretsmanager_secret", stack.Resource("aws_secretsmanager_secret"), "id"), (string?)value["secret_id"]);
        var text = (string)value["secret_string"]!;
        foreach (var field in new[] { "\"engine\" = \"mysql\"", "\"host\" = \"spec-db.cluster.example\"", "\"port\" = 3306", "\"dbname\" = \"records\"", "\"username\" = \"admin_user\"", "\"password\" = " })
            Assert.Contains(field, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standby_creates_nothing_and_looks_its_replica_up_by_name()
    {
        var standby = Credentials(Primary with { Create = false, Replicas = [] });
        Assert.Empty(standby.Resources("aws_secretsmanager_secret"));
        Assert.Empty(standby.DataSources("aws_secretsmanager_random_password"));
        Assert.Equal("spec/database/master", (string?)standby.DataSources("aws_secretsmanager_secret").Single()["name"]);
        Assert.Throws<InvalidOperationException>(() => Credentials(Primary with { Create = false }, storeFirstValue: true));
    }
}
