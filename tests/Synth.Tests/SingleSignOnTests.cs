using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// With an auth section the app receives the provider's settings as variables and its client secret from
/// Secrets Manager: created by production, KMS-encrypted, replicated to DR, read in each task's own region.
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class SingleSignOnTests(SynthesizedPlatform platform, SingleSignOnVariant variant) : IClassFixture<SingleSignOnVariant>
{
    private const string SecretName = "student-record-system/auth/oidc-client-secret";
    private const string ClientSecretVariable = "Auth__Oidc__ClientSecret";

    private static Dictionary<string, string> Environment(JsonObject container) =>
        container["environment"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);

    private static Dictionary<string, string> Secrets(JsonObject container) =>
        container["secrets"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["valueFrom"]!);

    private static List<JsonNode> Statements(TerraformJson stack) =>
        [.. stack.DataSources("aws_iam_policy_document").SelectMany(d => d["statement"]!.AsArray()).Select(s => s!)];

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void ContainerGetsTheModelsSettingsAndOnlyTheRolesItMaps(string name)
    {
        var variables = Environment(RegionalStackTests.ContainerOf(variant.Stacks[name]));
        var auth = variables.Where(v => v.Key.StartsWith("Auth__", StringComparison.Ordinal)).ToDictionary();

        Assert.Equal(new Dictionary<string, string>
        {
            ["Auth__Oidc__Authority"] = AuthSection.Authority,
            ["Auth__Oidc__ClientId"] = AuthSection.ClientId,
            ["Auth__Oidc__RoleClaim"] = AuthSection.RoleClaim,
            ["Auth__Oidc__Roles__Administrator"] = AuthSection.AdministratorClaim,
            ["Auth__Oidc__Roles__Viewer"] = AuthSection.ViewerClaim,
        }, auth);
        Assert.DoesNotContain(ClientSecretVariable, variables.Keys);
    }

    [Fact]
    public void ProductionCreatesTheSecretUnderItsKeyReplicatedToDrUnderTheReplicaKeyWithoutAValue()
    {
        var production = variant.Stacks["production"];
        var secret = Assert.Single(production.Resources("aws_secretsmanager_secret"), s => (string?)s["name"] == SecretName);
        var regionKey = Assert.Single(production.Resources("aws_kms_key"), k => k["region"] is null);
        var replicaKey = Assert.Single(production.Resources("aws_kms_key"), k => (string?)k["region"] == "eu-west-1");

        Assert.Equal(production.ReferenceTo("aws_kms_key", regionKey, "arn"), (string?)secret["kms_key_id"]);
        var replica = Assert.Single(secret["replica"]!.AsArray())!;
        Assert.Equal(("eu-west-1", production.ReferenceTo("aws_kms_key", replicaKey, "arn")), ((string?)replica["region"], (string?)replica["kms_key_id"]));
        // The operator sets the value from the identity provider: no version, so none in the state either.
        var secretId = production.ReferenceTo("aws_secretsmanager_secret", secret, "id");
        Assert.DoesNotContain(production.Resources("aws_secretsmanager_secret_version"), v => (string?)v["secret_id"] == secretId);
        Assert.Equal(production.ReferenceTo("aws_secretsmanager_secret", secret, "arn"), Secrets(RegionalStackTests.ContainerOf(production))[ClientSecretVariable]);
    }

    [Fact]
    public void DrTasksReadTheReplicaInDrsRegion()
    {
        var dr = variant.Stacks["dr"];
        var lookups = dr.DataSources("aws_secretsmanager_secret");
        var replica = Assert.Single(lookups, l => (string?)l["name"] == SecretName);

        Assert.Null(replica["region"]); // DR's provider region, where the replica lives
        Assert.Equal("eu-west-1", (string?)Assert.Single(dr.Providers, p => p["alias"] is null)["region"]);
        Assert.Empty(dr.Resources("aws_secretsmanager_secret"));
        var name = dr.Root["data"]!["aws_secretsmanager_secret"]!.AsObject().Single(p => ReferenceEquals(p.Value, replica)).Key;
        Assert.Equal($"${{data.aws_secretsmanager_secret.{name}.arn}}", Secrets(RegionalStackTests.ContainerOf(dr))[ClientSecretVariable]);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void OnlyTheExecutionRoleMayReadTheSecretAndDecryptItWithThisRegionsSecretKey(string name)
    {
        var stack = variant.Stacks[name];
        var container = RegionalStackTests.ContainerOf(stack);
        var statements = Statements(stack);

        var read = Assert.Single(statements, s => s["resources"]!.AsArray().Any(r => (string?)r == Secrets(container)[ClientSecretVariable]));
        Assert.Equal(("ReadSingleSignOnSecret", "Allow"), ((string?)read["sid"], (string?)read["effect"]));
        Assert.Equal(["secretsmanager:GetSecretValue"], read["actions"]!.AsArray().Select(a => (string?)a));
        Assert.Single(read["resources"]!.AsArray());
        var decrypt = Assert.Single(statements, s => (string?)s["sid"] == "DecryptSingleSignOnSecret");
        var databaseKey = Assert.Single(statements, s => (string?)s["sid"] == "DecryptDatabaseSecret")["resources"]!.AsArray().Select(r => (string?)r);
        Assert.Equal(["kms:Decrypt"], decrypt["actions"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(databaseKey, decrypt["resources"]!.AsArray().Select(r => (string?)r)); // the key the primary's secrets use in this region
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void WithoutAnAuthSectionNothingIsAdded(string name)
    {
        var stack = platform.Stack(name);
        var container = RegionalStackTests.ContainerOf(stack);

        Assert.DoesNotContain(Environment(container).Keys, k => k.StartsWith("Auth__", StringComparison.Ordinal));
        Assert.Equal(["DB_PASSWORD"], Secrets(container).Keys);
        Assert.DoesNotContain(stack.Resources("aws_secretsmanager_secret").Concat(stack.DataSources("aws_secretsmanager_secret")), s => (string?)s["name"] == SecretName);
        Assert.DoesNotContain(Statements(stack), s => ((string?)s["sid"])?.Contains("SingleSignOn", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("oidc", platform.StackText(name), StringComparison.OrdinalIgnoreCase);
    }
}
