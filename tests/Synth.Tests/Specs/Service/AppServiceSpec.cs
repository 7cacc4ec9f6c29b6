using System.Text.Json.Nodes;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.LbListener;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Service;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// AppService promises the app on Fargate as the non-root user on a read-only root filesystem, its database password (and,
/// with single sign-on only, the client secret) injected from Secrets Manager by an execution role that may read just those,
/// a service behind the target group that rolls back failed deployments and is created after its routing, and CPU autoscaling
/// that leaves a pilot light at zero.
/// </summary>
public sealed class AppServiceSpec
{
    private const string DatabaseSecret = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:spec/database/master";
    private const string DatabaseSecretKey = "arn:aws:kms:eu-central-1:111122223333:key/database-key";
    private const string ClientSecret = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:spec/auth/oidc-client-secret";
    private const string Assets = "arn:aws:s3:::spec-assets";

    private static TerraformJson Service(Func<AppServiceConfig, AppServiceConfig>? change = null) =>
        ConstructSpec.Synth(stack => new AppService(stack, "service", (change ?? (c => c))(Minimal(stack))));

    private static AppServiceConfig Minimal(Construct stack) => new()
    {
        Name = "spec-env",
        Region = ConstructSpec.Region,
        Spec = new ServiceSpec(Cpu: 512, Memory: 1024, DesiredCount: 2, new AutoscalingSpec(Min: 2, Max: 6, CpuTarget: 70), ContainerPort: 8080, HealthCheckPath: "/health/ready"),
        Image = "111122223333.dkr.ecr.eu-central-1.amazonaws.com/spec:1.0.0",
        RepositoryArn = "arn:aws:ecr:eu-central-1:111122223333:repository/spec",
        SubnetIds = ["subnet-a", "subnet-b"],
        SecurityGroupId = "sg-service",
        AssignPublicIp = false,
        TargetGroupArn = "arn:aws:elasticloadbalancing:eu-central-1:111122223333:targetgroup/spec/1",
        Database = new DatabaseConnection("spec-aurora.cluster-x.eu-central-1.rds.amazonaws.com", 3306, "records", "records_admin", DatabaseSecret, DatabaseSecretKey),
        AssetsBucketArn = Assets,
        AssetsBucketName = "spec-assets",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        LogRetentionDays = 30,
        SingleSignOn = null,
        TargetGroupRouting = [new LbListener(stack, "listener", new LbListenerConfig
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-central-1:111122223333:loadbalancer/app/spec/1",
            Port = 443,
            DefaultAction = new[] { new LbListenerDefaultAction { Type = "forward", TargetGroupArn = "arn:aws:elasticloadbalancing:eu-central-1:111122223333:targetgroup/spec/1" } },
        })],
    };

    private static readonly SingleSignOn Sso = new()
    {
        Settings = new OidcSpec("https://login.example.org/realms/staff", "student-records", "groups", new OidcRoles("records-admins", null, "registry-readers")),
        ClientSecretArn = ClientSecret,
        ClientSecretKeyArn = ConstructSpec.KmsKeyArn,
    };

    private static JsonObject Container(TerraformJson stack) =>
        Assert.Single(JsonNode.Parse(stack.Resource("aws_ecs_task_definition")["container_definitions"]!.GetValue<string>())!.AsArray())!.AsObject();

    private static Dictionary<string, string> Named(JsonNode? pairs, string valueKey) =>
        pairs!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p![valueKey]!.GetValue<string>());

    private static JsonObject Policy(TerraformJson stack, string roleName)
    {
        var role = Assert.Single(stack.Resources("aws_iam_role"), r => r["name"]!.GetValue<string>() == roleName);
        var policy = Assert.Single(stack.Resources("aws_iam_role_policy"), p => p["role"]!.GetValue<string>() == stack.ReferenceTo("aws_iam_role", role, "id"));
        return stack.Referenced(policy["policy"]!.GetValue<string>());
    }

    [Fact]
    public void Runs_the_image_as_the_non_root_user_on_a_read_only_root_filesystem_with_the_database_password_injected()
    {
        var stack = Service();
        var task = stack.Resource("aws_ecs_task_definition");
        Assert.Equal(["FARGATE"], SpecInputs.Strings(task["requires_compatibilities"]));
        Assert.Equal("512", task["cpu"]!.GetValue<string>());
        Assert.Equal("1024", task["memory"]!.GetValue<string>());
        var container = Container(stack);
        Assert.Equal("111122223333.dkr.ecr.eu-central-1.amazonaws.com/spec:1.0.0", container["image"]!.GetValue<string>());
        Assert.Equal(AppContract.User, container["user"]!.GetValue<string>());
        Assert.True(container["readonlyRootFilesystem"]!.GetValue<bool>());
        var environment = Named(container["environment"], "value");
        Assert.Equal("spec-aurora.cluster-x.eu-central-1.rds.amazonaws.com", environment[AppContract.DatabaseHost]);
        Assert.Equal("records_admin", environment[AppContract.DatabaseUser]);
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]);
        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("Auth__", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, string> { [AppContract.DatabasePassword] = $"{DatabaseSecret}:password::" }, Named(container["secrets"], "valueFrom"));
    }

    [Fact]
    public void Its_roles_are_assumed_by_ecs_tasks_and_the_execution_role_reads_only_the_database_secret()
    {
        var stack = Service();
        Assert.Equal(["spec-env-task", "spec-env-task-execution"], stack.Resources("aws_iam_role").Select(r => r["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(stack.DataSources("aws_iam_policy_document").Where(d => d["statement"]![0]!["sid"]!.GetValue<string>() == "ServiceAssumesRole"),
            trust => Assert.Equal(["ecs-tasks.amazonaws.com"], SpecInputs.Strings(trust["statement"]![0]!["principals"]![0]!["identifiers"])));
        var execution = Policy(stack, "spec-env-task-execution");
        Assert.Equal([DatabaseSecret], SpecInputs.Strings(SpecInputs.Statement(execution, "ReadDatabaseSecret")["resources"]));
        Assert.Equal([DatabaseSecretKey], SpecInputs.Strings(SpecInputs.Statement(execution, "DecryptDatabaseSecret")["resources"]));
        Assert.DoesNotContain(execution["statement"]!.AsArray(), s => s!["sid"]!.GetValue<string>().Contains("SingleSignOn", StringComparison.Ordinal));
        var app = Policy(stack, "spec-env-task");
        Assert.Equal([$"{Assets}/*"], SpecInputs.Strings(SpecInputs.Statement(app, "ReadWriteAssets")["resources"]));
    }

    [Fact]
    public void Passes_single_sign_on_settings_and_its_client_secret_only_when_configured()
    {
        var stack = Service(c => c with { SingleSignOn = Sso });
        var container = Container(stack);
        var environment = Named(container["environment"], "value");
        Assert.Equal("https://login.example.org/realms/staff", environment[AppContract.OidcAuthority]);
        Assert.Equal("student-records", environment[AppContract.OidcClientId]);
        Assert.Equal("groups", environment[AppContract.OidcRoleClaim]);
        Assert.Equal("records-admins", environment[AppContract.OidcRole("Administrator")]);
        Assert.Equal("registry-readers", environment[AppContract.OidcRole("Viewer")]);
        Assert.False(environment.ContainsKey(AppContract.OidcRole("Registrar")));
        Assert.Equal(ClientSecret, Named(container["secrets"], "valueFrom")[AppContract.OidcClientSecret]);
        Assert.Equal([ClientSecret], SpecInputs.Strings(SpecInputs.Statement(Policy(stack, "spec-env-task-execution"), "ReadSingleSignOnSecret")["resources"]));
    }

    [Fact]
    public void Serves_behind_the_target_group_after_its_routing_and_rolls_back_failed_deployments()
    {
        var stack = Service(c => c with { AssignPublicIp = true });
        var service = stack.Resource("aws_ecs_service");
        Assert.Equal(2, service["desired_count"]!.GetValue<int>());
        Assert.Equal(["desired_count"], SpecInputs.Strings(service["lifecycle"]!["ignore_changes"]));
        Assert.Equal([$"aws_lb_listener.{Assert.Single(stack.Root["resource"]!["aws_lb_listener"]!.AsObject()).Key}"], SpecInputs.Strings(service["depends_on"]));
        Assert.True(service["deployment_circuit_breaker"]!["enable"]!.GetValue<bool>());
        Assert.True(service["deployment_circuit_breaker"]!["rollback"]!.GetValue<bool>());
        var network = service["network_configuration"]!;
        Assert.Equal(["subnet-a", "subnet-b"], SpecInputs.Strings(network["subnets"]));
        Assert.Equal(["sg-service"], SpecInputs.Strings(network["security_groups"]));
        Assert.True(network["assign_public_ip"]!.GetValue<bool>());
        var balancer = Assert.Single(service["load_balancer"]!.AsArray())!;
        Assert.Equal(AppContract.ContainerName, balancer["container_name"]!.GetValue<string>());
        Assert.Equal(8080, balancer["container_port"]!.GetValue<int>());
    }

    [Fact]
    public void Scales_on_cpu_between_the_models_bounds_and_leaves_a_pilot_light_at_zero()
    {
        var running = Service();
        var target = running.Resource("aws_appautoscaling_target");
        Assert.Equal(2, target["min_capacity"]!.GetValue<int>());
        Assert.Equal(6, target["max_capacity"]!.GetValue<int>());
        var policy = running.Resource("aws_appautoscaling_policy")["target_tracking_scaling_policy_configuration"]!;
        Assert.Equal(70, policy["target_value"]!.GetValue<double>());
        Assert.Equal("ECSServiceAverageCPUUtilization", policy["predefined_metric_specification"]!["predefined_metric_type"]!.GetValue<string>());

        var pilotLight = Service(c => c with { Spec = c.Spec with { DesiredCount = 0 } }).Resource("aws_appautoscaling_target");
        Assert.Equal(0, pilotLight["min_capacity"]!.GetValue<int>());
        Assert.Equal(6, pilotLight["max_capacity"]!.GetValue<int>());
    }
}
