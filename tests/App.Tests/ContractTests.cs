using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;

namespace StudentRecords.App.Tests;

/// <summary>
/// The app and the infrastructure agree: the synthesized production task definition and target group
/// (the committed snapshot, which tests/Synth.Tests proves equal to a fresh synth) set exactly what the
/// app reads.
/// </summary>
public sealed class ContractTests
{
    private static readonly JsonObject Production = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "snapshots", "production.tf.json")))!.AsObject();

    private static JsonObject Single(string type) => Assert.Single(Production["resource"]![type]!.AsObject()).Value!.AsObject();

    private static JsonObject Container() =>
        JsonNode.Parse((string)Single("aws_ecs_task_definition")["container_definitions"]!)!.AsArray().Single()!.AsObject();

    [Fact]
    public void TaskDefinitionSetsEveryDatabaseVariableTheAppReads()
    {
        var container = Container();
        var environment = container["environment"]!.AsArray().Select(e => (string)e!["name"]!).ToHashSet();
        var secrets = container["secrets"]!.AsArray().Select(e => (string)e!["name"]!).ToHashSet();

        Assert.Superset(new HashSet<string> { AppContract.DatabaseHost, AppContract.DatabasePort, AppContract.DatabaseName, AppContract.DatabaseUser }, environment);
        Assert.Equal([AppContract.DatabasePassword], secrets);
        Assert.DoesNotContain(AppContract.DatabaseSslMode, environment); // Aurora requires TLS: the app's default
    }

    [Fact]
    public void ContainerPortAndHealthPathAreTheAppsOwn()
    {
        var container = Container();
        var targets = Single("aws_lb_target_group");

        Assert.Equal(AppContract.ContainerPort, (int?)container["portMappings"]![0]!["containerPort"]);
        Assert.Contains(container["environment"]!.AsArray(), e => (string?)e!["name"] == "ASPNETCORE_HTTP_PORTS" && (string?)e["value"] == AppContract.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AppContract.ContainerPort, (int?)targets["port"]);
        Assert.Equal(AppContract.ReadinessPath, (string?)targets["health_check"]!["path"]);
    }

    [Fact]
    public void MetricFiltersCountTheSignInEventsTheAppLogsWhereItsJsonLogsPutThem()
    {
        var filters = Production["resource"]!["aws_cloudwatch_log_metric_filter"]!.AsObject().Select(f => f.Value!).ToList();
        var appLogs = (string)Container()["logConfiguration"]!["options"]!["awslogs-group"]!;

        // The JSON console formatter writes a message's fields under "State" (UsersCommandTests parses it).
        Assert.Equal(
            [$"{{ $.State.event = \"{Identity.SecurityEvents.SignInFailed}\" }}", $"{{ $.State.event = \"{Identity.SecurityEvents.SignInSucceeded}\" }}"],
            filters.Select(f => (string)f["pattern"]!).Order(StringComparer.Ordinal));
        Assert.All(filters, f => Assert.Equal(appLogs, (string?)f["log_group_name"]));
    }
}
