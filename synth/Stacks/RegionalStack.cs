using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.DataAwsKmsAlias;
using HashiCorp.Cdktf.Providers.Aws.Route53Record;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Audit;
using StudentRecords.Synth.Constructs.Cost;
using StudentRecords.Synth.Constructs.Database;
using StudentRecords.Synth.Constructs.LoadBalancing;
using StudentRecords.Synth.Constructs.Network;
using StudentRecords.Synth.Constructs.Observability;
using StudentRecords.Synth.Constructs.Parameters;
using StudentRecords.Synth.Constructs.Recovery;
using StudentRecords.Synth.Constructs.Registry;
using StudentRecords.Synth.Constructs.Security;
using StudentRecords.Synth.Constructs.Service;
using StudentRecords.Synth.Constructs.Storage;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Stacks;

/// <summary>
/// One regional environment. Production and DR are two instances of this class: they differ only
/// through the model (role, counts, NAT mode, replication), never through branches on their names.
/// </summary>
public sealed class RegionalStack : TerraformStack
{
    public const string DatabaseName = "student_records";
    public const string DatabaseUser = "records_admin";

    private readonly PlatformModel model;
    private readonly EnvironmentSpec env;
    private readonly ResourceNames names;
    private readonly AccountContext account;
    private readonly EncryptionKey key;
    private readonly bool primaryRegionDown;

    /// <summary>What a standby leaves out when it is synthesized with the primary region down, and why (its summary shows them).</summary>
    public static readonly IReadOnlyList<string> LeftOutWhilePrimaryIsDown =
    [
        "backend: the state bucket's replica in this region, locked by S3 (the primary's bucket cannot be reached)",
        "the assets replication rule on production's bucket and the lookup of production's key: both live in the primary region",
        "the database's replication source: the failover has promoted it, and the source cluster is in the primary region",
        "the automatic failover's forwarding rule: it lives on the primary region's event bus",
        "peering with the primary's VPC, when the model asks for it",
    ];

    /// <param name="packages">The Lambdas' code: a standby deploys the recovery reports, the primary the origin header's rotation.</param>
    /// <param name="primaryRegionDown">A standby is written to need nothing in the primary region (<see cref="LeftOutWhilePrimaryIsDown"/>).</param>
    public RegionalStack(Construct scope, PlatformModel model, EnvironmentSpec environment, string imageTag, FunctionPackages packages, bool primaryRegionDown = false)
        : base(scope, environment.Name)
    {
        this.model = model;
        env = environment;
        names = new ResourceNames(model.Platform, env.Name);
        this.primaryRegionDown = primaryRegionDown && !IsPrimary;
        if (IsPrimary)
            RemoteState.Use(this, model.Platform, model.Primary.Region, env.Name);
        else
            RemoteState.UseForStandby(this, model.Platform, model.Primary.Region, env.Region, env.Name, this.primaryRegionDown);
        if (this.primaryRegionDown) AddOverride("//.primaryRegionDown", LeftOutWhilePrimaryIsDown.ToArray());
        AwsProviders.Create(this, env.Region, StackTags.For(model.Platform, env.Name, env.Tags));
        account = new AccountContext(this, "account");
        var keyUsers = new List<DataAwsIamPolicyDocumentStatement> { PolicyStatements.AllowCloudWatchLogs(env.Region, account), PolicyStatements.AllowCloudWatchAlarms() };
        if (OwnsTrail) keyUsers.Add(PolicyStatements.AllowCloudTrail(account));
        key = new EncryptionKey(this, "key", new EncryptionKeyConfig
        {
            Alias = names.KeyAlias,
            Description = $"Encrypts the {env.Name} environment's data, logs and secrets",
            AdministratorPrincipal = account.RootPrincipal,
            ServiceStatements = keyUsers
        });

        var network = new Network(this, "network", new NetworkConfig
        {
            Name = names.Prefix,
            Region = env.Region,
            Spec = env.Network,
            AvailabilityZones = env.AvailabilityZones,
            KmsKeyArn = key.Arn,
            LogRetentionDays = env.Storage.LogRetentionDays,
            PeerCidrs = PeerCidrs
        });
        if (env.Network.PeerWithPrimary && !primaryRegionDown)
            new PrimaryPeering(this, "peering", new PrimaryPeeringConfig
            {
                Name = names.Prefix,
                VpcId = network.VpcId,
                VpcCidr = env.Network.VpcCidr,
                PrivateRouteTableIds = network.PrivateRouteTableIds,
                PrimaryName = new ResourceNames(model.Platform, model.Primary.Name).Prefix,
                PrimaryRegion = model.Primary.Region,
                PrimaryVpcCidr = model.Primary.Network.VpcCidr
            });
        var audit = model.Platform.Audit;
        var logs = new LogBucket(this, "log-bucket", new LogBucketConfig
        {
            Name = names.LogBucket,
            RetentionDays = env.Storage.LogRetentionDays,
            AccountId = account.AccountId,
            CloudTrailWrites = OwnsTrail,
            ConfigWrites = audit.Config
        });
        new SecurityMonitoring(this, "audit", new SecurityMonitoringConfig
        {
            Name = names.Prefix,
            Region = env.Region,
            Switches = audit,
            OwnsTrail = IsPrimary,
            LogBucketName = logs.Name,
            KmsKeyArn = key.Arn,
            Partition = account.Partition,
            LogBucketPolicy = logs.Policy,
            RecordedBuckets = [model.Platform.State.Bucket, Naming.StateReplicaBucket(model.Platform.State)]
        });
        var assets = CreateAssetsBucket(logs);
        var certificate = CreateCertificate();
        var groups = new SecurityGroups(this, "security-groups", new SecurityGroupsConfig
        {
            Name = names.Prefix,
            Region = env.Region,
            VpcId = network.VpcId,
            ListenerPort = LoadBalancer.ListenerPortFor(https: certificate is not null),
            ContainerPort = env.Service.ContainerPort,
            AdmitRoute53HealthCheckers = model.Platform.Domain is not null,
            DatabaseRotation = IsPrimary
        });
        var secretReplicas = IsPrimary ? CreateSecretReplicaKeys() : [];
        var originSecret = new OriginSecret(this, "origin-secret", new OriginSecretConfig
        {
            SecretName = names.OriginSecret,
            KmsKeyArn = key.Arn,
            Replicas = secretReplicas,
            Create = IsPrimary
        });
        var alb = new LoadBalancer(this, "load-balancer", new LoadBalancerConfig
        {
            Name = names.Short,
            VpcId = network.VpcId,
            SubnetIds = network.PublicSubnetIds,
            SecurityGroupIds = groups.LoadBalancerGroupIds,
            ContainerPort = env.Service.ContainerPort,
            HealthCheckPath = env.Service.HealthCheckPath,
            LogBucketName = logs.Name,
            LogBucketPolicy = logs.Policy,
            CertificateArn = certificate?.Arn,
            OriginSecret = originSecret.Value
        });
        PointOriginNameAt(alb);
        var registry = new ContainerRegistry(this, "registry", new ContainerRegistryConfig
        {
            Name = names.Repository,
            KmsKeyArn = key.Arn,
            ImagesKept = env.Storage.ImagesKept,
            ReplicateToRegions = IsPrimary ? [.. model.Standbys.Select(s => s.Region)] : [],
            AccountId = account.AccountId
        });
        var secretKeyArn = SecretKeyArn();
        var database = CreateDatabase(network, groups, secretReplicas, secretKeyArn);
        var service = new AppService(this, "service", new AppServiceConfig
        {
            Name = names.Prefix,
            Region = env.Region,
            Spec = env.Service,
            Image = $"{registry.Url}:{imageTag}",
            RepositoryArn = registry.Arn,
            SubnetIds = network.TaskSubnetIds,
            SecurityGroupId = groups.ServiceGroupId,
            AssignPublicIp = env.Network.TaskEgress == TaskEgress.PublicIp,
            TargetGroupArn = alb.TargetGroupArn,
            Database = database.Connection,
            AssetsBucketArn = assets.Arn,
            AssetsBucketName = assets.Name,
            KmsKeyArn = key.Arn,
            LogRetentionDays = env.Storage.LogRetentionDays,
            SingleSignOn = CreateSingleSignOn(secretReplicas, secretKeyArn),
            TargetGroupRouting = alb.Routing
        });

        var monitoring = new Monitoring(this, "monitoring", new MonitoringConfig
        {
            Name = names.Prefix,
            Region = env.Region,
            Thresholds = model.Platform.Alarms,
            AlertEmail = model.Platform.Alerts.Email,
            KmsKeyArn = key.Arn,
            Watched = new MonitoredResources
            {
                LoadBalancerArnSuffix = alb.ArnSuffix,
                TargetGroupArnSuffix = alb.TargetGroupArnSuffix,
                EcsCluster = service.ClusterName,
                EcsService = service.ServiceName,
                DatabaseCluster = database.Cluster.Identifier,
                DatabaseInstanceClass = env.Database.InstanceClass,
                AppLogGroup = service.LogGroupName
            },
            FollowsPrimary = !IsPrimary,
            Replication = env.Database.Replication,
            MetricNamespace = names.MetricNamespace
        });

        var cost = model.Platform.Cost;
        new MonthlyBudget(this, "budget", new MonthlyBudgetConfig
        {
            Name = names.Prefix,
            Environment = env.Name,
            MonthlyBudgetUsd = cost.MonthlyBudgetUsd,
            AlertAboveUsd = cost.AlertAboveUsd,
            AlertEmail = model.Platform.Alerts.Email,
            ActivateCostTag = IsPrimary
        });

        if (!IsPrimary)
            StandbyRecovery.Add(this, new StandbyRecoveryConfig
            {
                Model = model,
                Standby = env,
                AccountId = account.AccountId,
                Partition = account.Partition,
                Package = packages.Recovery,
                KmsKeyArn = key.Arn,
                TopicArn = monitoring.TopicArn,
                EcsCluster = service.ClusterName,
                EcsService = service.ServiceName,
                ScalableTargetArn = service.ScalableTargetArn,
                TargetGroupArn = alb.TargetGroupArn,
                AutomaticTrigger = model.Platform.Recovery.AutomaticFailover && !primaryRegionDown
            });
        if (IsPrimary) RotateOriginSecret(originSecret, packages.OriginSecret);

        new OperationalParameters(this, "parameters", new OperationalParametersConfig
        {
            Prefix = names.ParameterPrefix,
            Values = new Dictionary<string, string>
            {
                ["alb-dns-name"] = alb.DnsName,
                ["target-group-arn"] = alb.TargetGroupArn,
                ["db-cluster-arn"] = database.Cluster.Arn,
                ["db-cluster-endpoint"] = database.Cluster.Endpoint,
                ["ecs-cluster-name"] = service.ClusterName,
                ["ecs-service-name"] = service.ServiceName,
                ["region"] = env.Region,
                ["role"] = env.Role.ToString().ToLowerInvariant(),
            }
        });
    }

    private bool IsPrimary => env.Role == EnvironmentRole.Primary;

    /// <summary>The VPCs peered with this one: the primary's standbys that peer, or the primary for a standby that does.</summary>
    private IReadOnlyList<string> PeerCidrs => IsPrimary
        ? [.. model.Standbys.Where(s => s.Network.PeerWithPrimary).Select(s => s.Network.VpcCidr)]
        : env.Network.PeerWithPrimary ? [model.Primary.Network.VpcCidr] : [];

    /// <summary>One multi-region trail for the platform, run by the primary when the model switches CloudTrail on.</summary>
    private bool OwnsTrail => IsPrimary && model.Platform.Audit.CloudTrail;

    /// <summary>The origin header's value rotates from the primary, which owns it; every environment's load balancer checks it.</summary>
    private void RotateOriginSecret(OriginSecret originSecret, LambdaPackage package) =>
        new OriginSecretRotation(this, "origin-secret-rotation", new OriginSecretRotationConfig
        {
            Name = names.Prefix,
            SecretArn = originSecret.SecretArn!,
            KmsKeyArn = key.Arn,
            Package = package,
            LogRetentionDays = env.Storage.LogRetentionDays,
            Partition = account.Partition,
            AccountId = account.AccountId,
            LoadBalancers = [.. model.Environments.Select(e => (new ResourceNames(model.Platform, e.Name).Short, e.Region))],
            DistributionComment = new ResourceNames(model.Platform, PlatformApp.EdgeStackName).Prefix
        });

    /// <summary>Production's assets; a standby's bucket is the replica, fed by a rule this stack puts on the primary's bucket.</summary>
    private SecureBucket CreateAssetsBucket(LogBucket logs)
    {
        var bucket = new SecureBucket(this, "assets-bucket", new SecureBucketConfig
        {
            Name = names.AssetsBucket,
            KmsKeyArn = key.Arn,
            NoncurrentVersionDays = env.Storage.NoncurrentVersionDays,
            AccessLogBucket = logs.Name
        });
        if (IsPrimary || primaryRegionDown) return bucket;

        // The standby owns the rule because it is applied after the primary: the destination exists by then.
        var primary = new ResourceNames(model.Platform, model.Primary.Name);
        var primaryKey = new DataAwsKmsAlias(this, "primary-key", new DataAwsKmsAliasConfig { Name = $"alias/{primary.KeyAlias}", Region = model.Primary.Region });
        new BucketReplication(this, "assets-replication", new BucketReplicationConfig
        {
            SourceBucketName = primary.AssetsBucket,
            SourceBucketArn = $"arn:{account.Partition}:s3:::{primary.AssetsBucket}",
            SourceKeyArn = primaryKey.TargetKeyArn,
            DestinationBucketArn = bucket.Arn,
            DestinationKeyArn = key.Arn,
            RoleName = $"{names.Prefix}-assets-replication",
            SourceRegion = model.Primary.Region,
            WaitFor = [bucket.Versioning]
        });
        return bucket;
    }

    private Certificate? CreateCertificate() =>
        model.Platform.Domain is { } domain
            ? new Certificate(this, "certificate", new CertificateConfig
            {
                DomainName = names.OriginDomain!,
                AlternativeNames = [names.FailoverOriginDomain!],
                HostedZoneId = domain.HostedZoneId,
                ValidatedElsewhere = IsPrimary ? [] : [names.FailoverOriginDomain!]
            })
            : null;

    /// <summary><c>{environment}.{domain}</c> → this load balancer: the name CloudFront uses as this environment's origin.</summary>
    private void PointOriginNameAt(LoadBalancer alb)
    {
        if (model.Platform.Domain is not { } domain) return;
        new Route53Record(this, "origin-record", new Route53RecordConfig
        {
            ZoneId = domain.HostedZoneId,
            Name = names.OriginDomain!,
            Type = "A",
            Alias = new Route53RecordAlias { Name = alb.DnsName, ZoneId = alb.ZoneId, EvaluateTargetHealth = true },
        });
    }

    /// <summary>
    /// The keys the primary's secrets are replicated under, one in each standby's region. This stack makes
    /// them because it is applied first: a standby's own key does not exist yet when the replicas are made.
    /// </summary>
    private IReadOnlyList<SecretReplica> CreateSecretReplicaKeys() =>
    [
        .. model.Standbys.Select(standby =>
        {
            var replicaKey = new EncryptionKey(this, $"secret-replica-key-{standby.Name}", new EncryptionKeyConfig {
                Alias = new ResourceNames(model.Platform, standby.Name).SecretReplicaKeyAlias, Description = $"Encrypts the {standby.Name} replicas of {env.Name}'s secrets",
                AdministratorPrincipal = account.RootPrincipal, Region = standby.Region });
            return new SecretReplica(standby.Region, replicaKey.Arn);
        }),
    ];

    /// <summary>The key the primary's secrets are encrypted with in this region: the region's own, or in a standby the replicas' key.</summary>
    private string SecretKeyArn() => IsPrimary
        ? key.Arn
        : new DataAwsKmsAlias(this, "secret-replica-key", new DataAwsKmsAliasConfig { Name = $"alias/{names.SecretReplicaKeyAlias}" }).TargetKeyArn;

    /// <summary>The institution's sign-on, when the model has an <c>auth</c> section: its settings and the client secret in this region.</summary>
    private SingleSignOn? CreateSingleSignOn(IReadOnlyList<SecretReplica> secretReplicas, string secretKeyArn)
    {
        if (model.Platform.Auth is not { } auth) return null;
        var secret = new SingleSignOnSecret(this, "single-sign-on-secret", new SingleSignOnSecretConfig
        {
            SecretName = names.SingleSignOnSecret,
            KmsKeyArn = secretKeyArn,
            Replicas = secretReplicas,
            Create = IsPrimary,
        });
        return new SingleSignOn { Settings = auth.Oidc, ClientSecretArn = secret.SecretArn, ClientSecretKeyArn = secret.KeyArn };
    }

    private RegionalDatabase CreateDatabase(Network network, SecurityGroups groups, IReadOnlyList<SecretReplica> secretReplicas, string secretKeyArn)
    {
        var primary = new ResourceNames(model.Platform, model.Primary.Name);
        var credentials = new DatabaseCredentials(this, "database-credentials", new DatabaseCredentialsConfig
        {
            SecretName = names.DatabaseSecret,
            Username = DatabaseUser,
            KmsKeyArn = secretKeyArn,
            Replicas = secretReplicas,
            Create = IsPrimary
        });
        var replicates = !IsPrimary && !primaryRegionDown;
        var wiring = new ReplicationWiring(
            env.Database.Replication == ReplicationMode.Global ? names.GlobalCluster : null,
            replicates ? $"arn:{account.Partition}:rds:{model.Primary.Region}:{account.AccountId}:cluster:{primary.Cluster}" : null,
            replicates ? model.Primary.Region : null);
        var cluster = new AuroraCluster(this, "database", new AuroraClusterConfig
        {
            Identifier = names.Cluster,
            Spec = env.Database,
            IsPrimary = IsPrimary,
            Replication = wiring,
            SubnetIds = network.PrivateSubnetIds,
            SecurityGroupId = groups.DatabaseGroupId,
            KmsKeyArn = key.Arn,
            Credentials = credentials,
            DatabaseName = DatabaseName,
            Partition = account.Partition
        });
        if (IsPrimary)
        {
            var firstValue = credentials.StoreFirstValue(cluster.Endpoint, AuroraCluster.Port, DatabaseName);
            new DatabaseRotation(this, "database-rotation", new DatabaseRotationConfig
            {
                Name = names.Prefix,
                Region = env.Region,
                SecretArn = credentials.SecretArn,
                KmsKeyArn = secretKeyArn,
                SubnetIds = network.PrivateSubnetIds,
                SecurityGroupId = groups.RotationGroupId!,
                RotationDays = env.Database.RotationDays,
                FirstValue = firstValue
            });
        }
        new DatabaseBackup(this, "database-backup", new DatabaseBackupConfig
        {
            Name = names.BackupVault,
            KmsKeyArn = key.Arn,
            ClusterArn = IsPrimary ? cluster.Arn : null,
            CopyToVaultArns = IsPrimary ? [.. model.Standbys.Select(s => $"arn:{account.Partition}:backup:{s.Region}:{account.AccountId}:backup-vault:{new ResourceNames(model.Platform, s.Name).BackupVault}")] : [],
            RetentionDays = env.Database.BackupRetentionDays,
            Partition = account.Partition
        });
        return new RegionalDatabase(cluster, new DatabaseConnection(cluster.Endpoint, AuroraCluster.Port, DatabaseName, DatabaseUser, credentials.SecretArn, credentials.KeyArn));
    }
}
