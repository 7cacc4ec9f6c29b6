using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Database;

namespace StudentRecords.Synth.Tests;

/// <summary>The database master secret rotates with AWS's single-user MySQL function, in the primary's VPC.</summary>
[Collection(SynthCollection.Name)]
public sealed class RotationTests(SynthesizedPlatform platform)
{
    private readonly TerraformJson production = platform.Stack("production");

    private JsonObject Secret(string suffix) => production.Resources("aws_secretsmanager_secret").Single(s => ((string)s["name"]!).EndsWith(suffix, StringComparison.Ordinal));

    private JsonObject RotationOf(string suffix) =>
        production.Resources("aws_secretsmanager_secret_rotation").Single(r => (string?)r["secret_id"] == production.ReferenceTo("aws_secretsmanager_secret", Secret(suffix), "arn"));

    private JsonObject DatabaseRotation() => RotationOf("/database/master");

    [Fact]
    public void TheOriginHeadersValueRotatesMonthlyWithAFunctionThatReachesBothLoadBalancersAndTheDistribution()
    {
        var rotation = RotationOf("/edge/origin-verify");
        var function = production.Resources("aws_lambda_function").Single(f => (string?)f["function_name"] == "student-record-system-production-origin-secret-rotation");

        Assert.Equal(30, (int?)rotation["rotation_rules"]!["automatically_after_days"]);
        Assert.False((bool?)rotation["rotate_immediately"]); // the standby's load balancer and the distribution come later on a first apply
        Assert.Equal(production.ReferenceTo("aws_lambda_function", function, "arn"), (string?)rotation["rotation_lambda_arn"]);
        var variables = function["environment"]!["variables"]!;
        // Every environment's load balancer, by the names the edge stack looks them up by.
        Assert.Equal("srs-production@eu-central-1,srs-dr@eu-west-1", (string?)variables["LOAD_BALANCERS"]);
        Assert.Equal((string?)platform.Stack("edge").Resource("aws_cloudfront_distribution")["comment"], (string?)variables["DISTRIBUTION_COMMENT"]);
        Assert.Equal("secretsmanager.amazonaws.com", (string?)production.Resources("aws_lambda_permission").Single(p => (string?)p["function_name"] == production.ReferenceTo("aws_lambda_function", function, "function_name"))["principal"]);
        Assert.Equal("index.handler", (string?)function["handler"]);
        Assert.Empty(platform.Stack("dr").Resources("aws_secretsmanager_secret_rotation"));
    }

    [Fact]
    public void TheMasterSecretRotatesOnTheModelsScheduleWithAwssPublishedFunction()
    {
        var rotation = DatabaseRotation();
        var function = production.Resource("aws_serverlessapplicationrepository_cloudformation_stack");

        Assert.Equal(platform.Model.Primary.Database.RotationDays, (int?)rotation["rotation_rules"]!["automatically_after_days"]);
        Assert.Equal(30, platform.Model.Primary.Database.RotationDays); // the seed rotates; 30 days when left out
        Assert.Equal(production.ReferenceTo("aws_secretsmanager_secret", production.Resources("aws_secretsmanager_secret").Single(s => ((string)s["name"]!).EndsWith("/database/master", StringComparison.Ordinal)), "arn"), (string?)rotation["secret_id"]);
        Assert.StartsWith(production.ReferenceTo("aws_serverlessapplicationrepository_cloudformation_stack", function, "outputs")[..^1], (string?)rotation["rotation_lambda_arn"]);
        Assert.Contains("RotationLambdaARN", (string?)rotation["rotation_lambda_arn"]);
        Assert.EndsWith("applications/SecretsManagerRDSMySQLRotationSingleUser", (string?)function["application_id"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)function["semantic_version"]); // pinned
        Assert.Equal(["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"], function["capabilities"]!.AsArray().Select(c => (string)c!));
        Assert.False((bool?)rotation["rotate_immediately"]); // not while the first apply still creates the instances
        Assert.Empty(platform.Stack("dr").Resources("aws_secretsmanager_secret_rotation")); // the replica follows the primary's
    }

    [Fact]
    public void TheFunctionRunsInThePrivateSubnetsReachingOnlyTheDatabaseAndHttps()
    {
        var parameters = production.Resource("aws_serverlessapplicationrepository_cloudformation_stack")["parameters"]!;
        var groups = production.Resources("aws_security_group").ToDictionary(g => (string)g["name"]!, g => production.ReferenceTo("aws_security_group", g, "id"));
        var rotation = groups["student-record-system-production-rotation"];
        var database = groups["student-record-system-production-database"];

        Assert.Equal(rotation, (string?)parameters["vpcSecurityGroupIds"]);
        var privateSubnets = production.Resources("aws_subnet").Where(s => ((string)s["tags"]!["Name"]!).Contains("private", StringComparison.Ordinal))
            .Select(s => production.ReferenceTo("aws_subnet", s, "id")).Order(StringComparer.Ordinal);
        Assert.Equal(privateSubnets, ((string)parameters["vpcSubnetIds"]!).Split(',').Order(StringComparer.Ordinal));
        Assert.Equal("https://secretsmanager.eu-central-1.amazonaws.com", (string?)parameters["endpoint"]);
        Assert.Equal(DatabaseCredentials.ExcludedCharacters, (string?)parameters["excludeCharacters"]);
        Assert.Contains(production.DataSources("aws_secretsmanager_random_password"), p => (string?)p["exclude_characters"] == (string?)parameters["excludeCharacters"]);
        Assert.StartsWith("${aws_kms_key.", (string?)parameters["kmsKeyArn"]);

        var egress = production.Resources("aws_vpc_security_group_egress_rule").Where(r => (string?)r["security_group_id"] == rotation)
            .Select(r => $"{r["from_port"]}>{(string?)r["referenced_security_group_id"] ?? (string?)r["cidr_ipv4"]}").Order(StringComparer.Ordinal);
        Assert.Equal([$"3306>{database}", "443>0.0.0.0/0"], egress);
        Assert.Contains(production.Resources("aws_vpc_security_group_ingress_rule"), r => (string?)r["security_group_id"] == database && (string?)r["referenced_security_group_id"] == rotation && (int?)r["from_port"] == 3306);
        Assert.DoesNotContain(platform.Stack("dr").Resources("aws_security_group"), g => ((string)g["name"]!).EndsWith("-rotation", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSecretHoldsWhatTheRotationFunctionReadsAndRotationStartsAfterIt()
    {
        var secret = production.Resources("aws_secretsmanager_secret").Single(s => ((string)s["name"]!).EndsWith("/database/master", StringComparison.Ordinal));
        var version = production.Resources("aws_secretsmanager_secret_version").Single(v => (string?)v["secret_id"] == production.ReferenceTo("aws_secretsmanager_secret", secret, "id"));
        var value = (string)version["secret_string"]!;

        foreach (var key in new[] { "engine", "host", "port", "dbname", "username", "password" }) Assert.Contains($"\"{key}\"", value.Replace("\\\"", "\"", StringComparison.Ordinal));
        Assert.Contains($"\"host\" = {production.ReferenceTo("aws_rds_cluster", production.Resource("aws_rds_cluster"), "endpoint")[2..^1]}", value);
        Assert.Contains("secret_string", version["lifecycle"]!["ignore_changes"]!.AsArray().Select(i => (string?)i));
        Assert.Contains("aws_secretsmanager_secret_version.", ((JsonArray)DatabaseRotation()["depends_on"]!)[0]!.ToString());
    }
}
