using System.Globalization;
using System.Text.Json;
using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.AppautoscalingPolicy;
using HashiCorp.Cdktf.Providers.Aws.AppautoscalingTarget;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.EcsCluster;
using HashiCorp.Cdktf.Providers.Aws.EcsService;
using HashiCorp.Cdktf.Providers.Aws.EcsTaskDefinition;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Observability;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Service;

/// <summary>
/// The records app on ECS Fargate: a cluster with Container Insights, a task definition that runs as
/// the non-root user on a read-only root filesystem with the database password (and, with single sign-on,
/// the OpenID Connect client secret) injected from Secrets Manager, a service behind the target group
/// that rolls back failed deployments, and CPU autoscaling.
/// </summary>
public sealed class AppService : Construct
{
    private readonly AppServiceConfig config;

    public AppService(Construct scope, string id, AppServiceConfig config) : base(scope, id)
    {
        this.config = config;
        var logs = new EncryptedLogGroup(this, "logs", new EncryptedLogGroupConfig
        {
            Name = $"/ecs/{config.Name}",
            KmsKeyArn = config.KmsKeyArn,
            RetentionDays = config.LogRetentionDays
        });
        var cluster = new EcsCluster(this, "cluster", new EcsClusterConfig
        {
            Name = config.Name,
            Setting = new[] { new EcsClusterSetting { Name = "containerInsights", Value = "enabled" } },
            // ECS Exec sessions (operators' `users` command, diagnostics) are encrypted with the region's key
            // and logged, encrypted, to the app's own log group.
            Configuration = new EcsClusterConfiguration
            {
                ExecuteCommandConfiguration = new EcsClusterConfigurationExecuteCommandConfiguration
                {
                    KmsKeyId = config.KmsKeyArn,
                    Logging = "OVERRIDE",
                    LogConfiguration = new EcsClusterConfigurationExecuteCommandConfigurationLogConfiguration
                    {
                        CloudWatchLogGroupName = logs.Name,
                        CloudWatchEncryptionEnabled = true,
                    },
                },
            },
        });
        var task = CreateTaskDefinition(logs);
        var service = CreateService(cluster, task);
        ScalableTargetArn = ScaleOnCpu(cluster, service);
        ClusterName = cluster.Name;
        ServiceName = service.Name;
        TaskDefinitionArn = task.Arn;
        LogGroupName = logs.Name;
    }

    public string ClusterName { get; }

    public string ServiceName { get; }

    public string TaskDefinitionArn { get; }

    /// <summary>The service's scalable target, which the failover re-registers with production's capacity.</summary>
    public string ScalableTargetArn { get; }

    /// <summary>Where the app's JSON logs go.</summary>
    public string LogGroupName { get; }

    private EcsTaskDefinition CreateTaskDefinition(EncryptedLogGroup logs)
    {
        var execution = new ServiceRole(this, "execution-role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-task-execution",
            Service = "ecs-tasks.amazonaws.com",
            Statements = [
            // GetAuthorizationToken has no resource-level permissions: AWS requires "*" for it.
            PolicyStatements.Allow("AuthenticateToRegistry", ["ecr:GetAuthorizationToken"], ["*"]),
            PolicyStatements.Allow("PullAppImage", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], [config.RepositoryArn]),
            PolicyStatements.Allow("WriteAppLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logs.Arn}:*"]),
            PolicyStatements.Allow("ReadDatabaseSecret", ["secretsmanager:GetSecretValue"], [config.Database.SecretArn]),
            PolicyStatements.Allow("DecryptDatabaseSecret", ["kms:Decrypt"], [config.Database.SecretKeyArn]),
            .. SingleSignOnSecretStatements(),
        ]
        });
        var app = new ServiceRole(this, "task-role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-task",
            Service = "ecs-tasks.amazonaws.com",
            Statements = [
            PolicyStatements.Allow("ListAssets", ["s3:ListBucket"], [config.AssetsBucketArn]),
            PolicyStatements.Allow("ReadWriteAssets", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], [$"{config.AssetsBucketArn}/*"]),
            PolicyStatements.Allow("UseRegionKeyForAssets", ["kms:Decrypt", "kms:GenerateDataKey"], [config.KmsKeyArn]),
            // ECS Exec, how operators run the app's `users` command with a terminal for its standard input
            // (README). Its session channels have no resource-level permissions; the session is encrypted
            // with the region key the cluster names, which the statement above lets the task decrypt, and
            // logged to the app's log group.
            PolicyStatements.Allow("OpenExecSessions", ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], ["*"]),
            PolicyStatements.Allow("FindExecLogGroup", ["logs:DescribeLogGroups"], ["*"]),
            PolicyStatements.Allow("WriteExecSessionLogs", ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], [$"{logs.Arn}:*"]),
        ]
        });
        return new EcsTaskDefinition(this, "task", new EcsTaskDefinitionConfig
        {
            Family = config.Name,
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = config.Spec.Cpu.ToString(CultureInfo.InvariantCulture),
            Memory = config.Spec.Memory.ToString(CultureInfo.InvariantCulture),
            ExecutionRoleArn = execution.Arn,
            TaskRoleArn = app.Arn,
            RuntimePlatform = new EcsTaskDefinitionRuntimePlatform { OperatingSystemFamily = "LINUX", CpuArchitecture = "X86_64" },
            Volume = new[] { new EcsTaskDefinitionVolume { Name = "tmp" } },
            ContainerDefinitions = ContainerDefinitions(logs.Name),
        });
    }

    private IEnumerable<DataAwsIamPolicyDocumentStatement> SingleSignOnSecretStatements() => config.SingleSignOn is { } sso
        ?
        [
            PolicyStatements.Allow("ReadSingleSignOnSecret", ["secretsmanager:GetSecretValue"], [sso.ClientSecretArn]),
            PolicyStatements.Allow("DecryptSingleSignOnSecret", ["kms:Decrypt"], [sso.ClientSecretKeyArn]),
        ]
        : [];

    /// <summary>The provider's settings as the app reads them (Auth:Oidc:*); a role the model leaves out gets no variable.</summary>
    private static IEnumerable<KeyValuePair<string, string>> SingleSignOnVariables(OidcSpec oidc) =>
    [
        new(AppContract.OidcAuthority, oidc.Authority),
        new(AppContract.OidcClientId, oidc.ClientId),
        new(AppContract.OidcRoleClaim, oidc.RoleClaim),
        .. oidc.Roles.Configured.Select(r => new KeyValuePair<string, string>(AppContract.OidcRole(r.Role), r.ClaimValue)),
    ];

    private string ContainerDefinitions(string logGroup)
    {
        var db = config.Database;
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_HTTP_PORTS"] = config.Spec.ContainerPort.ToString(CultureInfo.InvariantCulture),
            [AppContract.AssetsBucket] = config.AssetsBucketName,
            [AppContract.DatabaseHost] = db.Endpoint,
            [AppContract.DatabaseName] = db.Name,
            [AppContract.DatabasePort] = db.Port.ToString(CultureInfo.InvariantCulture),
            [AppContract.DatabaseUser] = db.Username,
        };
        var secrets = new List<object> { new { name = AppContract.DatabasePassword, valueFrom = $"{db.SecretArn}:password::" } };
        if (config.SingleSignOn is { } sso)
        {
            foreach (var (name, value) in SingleSignOnVariables(sso.Settings)) environment.Add(name, value);
            secrets.Add(new { name = AppContract.OidcClientSecret, valueFrom = sso.ClientSecretArn }); // the whole secret: a plain string
        }
        var container = new Dictionary<string, object>
        {
            ["name"] = AppContract.ContainerName,
            ["image"] = config.Image,
            ["essential"] = true,
            ["user"] = AppContract.User,
            ["readonlyRootFilesystem"] = true,
            ["portMappings"] = new[] { new { containerPort = config.Spec.ContainerPort, protocol = "tcp" } },
            ["environment"] = environment.Select(e => new { name = e.Key, value = e.Value }),
            ["secrets"] = secrets,
            ["mountPoints"] = new[] { new { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false } },
            ["logConfiguration"] = new
            {
                logDriver = "awslogs",
                options = new Dictionary<string, string> { ["awslogs-group"] = logGroup, ["awslogs-region"] = config.Region, ["awslogs-stream-prefix"] = "app" },
            },
        };
        return JsonSerializer.Serialize(new[] { container });
    }

    private EcsService CreateService(EcsCluster cluster, EcsTaskDefinition task) => new(this, "service", new EcsServiceConfig
    {
        DependsOn = [.. config.TargetGroupRouting],
        Name = config.Name,
        Cluster = cluster.Arn,
        TaskDefinition = task.Arn,
        DesiredCount = config.Spec.DesiredCount,
        LaunchType = "FARGATE",
        PlatformVersion = "LATEST",
        HealthCheckGracePeriodSeconds = 60,
        PropagateTags = "SERVICE",
        EnableEcsManagedTags = true,
        NetworkConfiguration = new EcsServiceNetworkConfiguration
        {
            Subnets = [.. config.SubnetIds],
            SecurityGroups = [config.SecurityGroupId],
            AssignPublicIp = config.AssignPublicIp,
        },
        LoadBalancer = new[]
        {
            new EcsServiceLoadBalancer { TargetGroupArn = config.TargetGroupArn, ContainerName = AppContract.ContainerName, ContainerPort = config.Spec.ContainerPort },
        },
        DeploymentCircuitBreaker = new EcsServiceDeploymentCircuitBreaker { Enable = true, Rollback = true },
        // Autoscaling and the failover change the count at run time; Terraform must not undo them.
        Lifecycle = new TerraformResourceLifecycle { IgnoreChanges = new[] { "desired_count" } },
    });

    private string ScaleOnCpu(EcsCluster cluster, EcsService service)
    {
        var scaling = config.Spec.Autoscaling;
        var target = new AppautoscalingTarget(this, "scaling-target", new AppautoscalingTargetConfig
        {
            ServiceNamespace = "ecs",
            ResourceId = $"service/{cluster.Name}/{service.Name}",
            ScalableDimension = "ecs:service:DesiredCount",
            // A pilot light at 0 tasks must not be scaled up to min by autoscaling; the failover raises it.
            MinCapacity = config.Spec.DesiredCount == 0 ? 0 : scaling.Min,
            MaxCapacity = scaling.Max,
        });
        new AppautoscalingPolicy(this, "cpu-policy", new AppautoscalingPolicyConfig
        {
            Name = $"{config.Name}-cpu",
            PolicyType = "TargetTrackingScaling",
            ServiceNamespace = target.ServiceNamespace,
            ResourceId = target.ResourceId,
            ScalableDimension = target.ScalableDimension,
            TargetTrackingScalingPolicyConfiguration = new AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration
            {
                TargetValue = scaling.CpuTarget,
                PredefinedMetricSpecification = new AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification
                {
                    PredefinedMetricType = "ECSServiceAverageCPUUtilization",
                },
                ScaleInCooldown = 300,
                ScaleOutCooldown = 60,
            },
        });
        return target.Arn;
    }
}
