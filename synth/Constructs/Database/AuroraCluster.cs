using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DbSubnetGroup;
using HashiCorp.Cdktf.Providers.Aws.RdsCluster;
using HashiCorp.Cdktf.Providers.Aws.RdsClusterInstance;
using HashiCorp.Cdktf.Providers.Aws.RdsClusterParameterGroup;
using HashiCorp.Cdktf.Providers.Aws.RdsGlobalCluster;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Database;

/// <summary>
/// Aurora MySQL 8.0 in the private subnets: encrypted with the region's key, TLS required, IAM
/// authentication, audit/error/slow-query logs, backups in the model's window, deletion protection.
/// The primary writes (and, in global mode, owns the global database); a standby follows it as a
/// global secondary or a binlog read replica, as <see cref="ReplicationMode"/> says.
/// </summary>
public sealed class AuroraCluster : Construct
{
    public const string Engine = "aurora-mysql";
    public const int Port = 3306;
    private readonly AuroraClusterConfig config;

    public AuroraCluster(Construct scope, string id, AuroraClusterConfig config) : base(scope, id)
    {
        this.config = config;
        var subnets = new DbSubnetGroup(this, "subnet-group", new DbSubnetGroupConfig
        {
            Name = config.Identifier,
            Description = "Private subnets of the Aurora cluster",
            SubnetIds = [.. config.SubnetIds],
        });
        var parameters = CreateParameterGroup();
        var global = config.IsPrimary && config.Spec.Replication == ReplicationMode.Global ? CreateGlobalCluster() : null;
        var cluster = CreateCluster(subnets, parameters, global);
        CreateInstances(cluster);
        Arn = cluster.Arn;
        Endpoint = cluster.Endpoint;
        Identifier = cluster.ClusterIdentifier;
    }

    public string Arn { get; }

    public string Endpoint { get; }

    public string Identifier { get; }

    /// <summary>Performance Insights (Database Insights) does not run on the burstable db.t2/db.t3 classes.</summary>
    public static bool SupportsPerformanceInsights(string instanceClass) =>
        !instanceClass.StartsWith("db.t2.", StringComparison.Ordinal) && !instanceClass.StartsWith("db.t3.", StringComparison.Ordinal)
        && instanceClass is not ("db.t4g.micro" or "db.t4g.small");

    private RdsClusterParameterGroup CreateParameterGroup()
    {
        var parameters = new List<RdsClusterParameterGroupParameter>
        {
            new() { Name = "require_secure_transport", Value = "ON" },
            // The cluster exports its audit and slow-query logs; Aurora writes them only when these are on.
            new() { Name = "server_audit_logging", Value = "1" },
            new() { Name = "server_audit_events", Value = "CONNECT,QUERY_DCL,QUERY_DDL" }, // who connected, grants and schema changes; the app audits record changes itself
            new() { Name = "slow_query_log", Value = "1" },
            new() { Name = "long_query_time", Value = "1" },
        };
        // A binlog replica reads its source's binary log, which Aurora writes only when asked to. The standby
        // writes one too: after a promotion, failback re-seeds the old primary as a replica of it (runbook).
        if (config.Spec.Replication == ReplicationMode.Binlog)
            parameters.Add(new() { Name = "binlog_format", Value = "ROW", ApplyMethod = "pending-reboot" });
        return new RdsClusterParameterGroup(this, "parameters", new RdsClusterParameterGroupConfig
        {
            Name = config.Identifier,
            Family = "aurora-mysql8.0",
            // Unchanged as parameters were added: the provider replaces a group whose description changes.
            Description = "TLS required" + (config.IsPrimary && config.Spec.Replication == ReplicationMode.Binlog ? "; row-based binlog for the cross-region replica" : ""),
            Parameter = parameters.ToArray(),
        });
    }

    private RdsGlobalCluster CreateGlobalCluster() => new(this, "global", new RdsGlobalClusterConfig
    {
        GlobalClusterIdentifier = config.Replication.GlobalClusterId!,
        Engine = Engine,
        EngineVersion = config.Spec.EngineVersion,
        StorageEncrypted = true,
        DeletionProtection = true,
    });

    private RdsCluster CreateCluster(DbSubnetGroup subnets, RdsClusterParameterGroup parameters, RdsGlobalCluster? global)
    {
        var follows = !config.IsPrimary;
        var binlogReplica = follows && config.Spec.Replication == ReplicationMode.Binlog;
        return new RdsCluster(this, "cluster", new RdsClusterConfig
        {
            ClusterIdentifier = config.Identifier,
            Engine = Engine,
            EngineVersion = config.Spec.EngineVersion,
            DbSubnetGroupName = subnets.Name,
            VpcSecurityGroupIds = [config.SecurityGroupId],
            DbClusterParameterGroupName = parameters.Name,
            Port = Port,
            StorageEncrypted = true,
            KmsKeyId = config.KmsKeyArn,
            IamDatabaseAuthenticationEnabled = true,
            EnabledCloudwatchLogsExports = ["audit", "error", "slowquery"],
            BackupRetentionPeriod = config.Spec.BackupRetentionDays,
            PreferredBackupWindow = config.Spec.BackupWindow,
            PreferredMaintenanceWindow = "sun:04:30-sun:05:30", // after the backup window
            CopyTagsToSnapshot = true,
            DeletionProtection = true,
            FinalSnapshotIdentifier = $"{config.Identifier}-final",
            // Only the writer has credentials and a schema; followers replicate both.
            DatabaseName = follows ? null : config.DatabaseName,
            MasterUsername = follows ? null : config.Credentials.Username,
            MasterPassword = follows ? null : config.Credentials.Password,
            GlobalClusterIdentifier = config.Spec.Replication == ReplicationMode.Global ? (global?.Id ?? config.Replication.GlobalClusterId) : null,
            ReplicationSourceIdentifier = binlogReplica ? config.Replication.SourceClusterArn : null,
            SourceRegion = follows ? config.Replication.SourceRegion : null,
            Lifecycle = new TerraformResourceLifecycle
            {
                // The password is generated once (see DatabaseCredentials); a promoted replica drops its
                // source, and a global secondary's source is managed by the global database.
                IgnoreChanges = new[] { "master_password", "replication_source_identifier", "global_cluster_identifier" },
            },
        });
    }

    private void CreateInstances(RdsCluster cluster)
    {
        var monitoring = new ServiceRole(this, "monitoring-role", new ServiceRoleConfig
        {
            Name = $"{config.Identifier}-monitoring",
            Service = "monitoring.rds.amazonaws.com",
            Statements = [],
            ManagedPolicyArns = [$"arn:{config.Partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"]
        });
        var insights = SupportsPerformanceInsights(config.Spec.InstanceClass);
        for (var i = 0; i < config.Spec.InstanceCount; i++)
            new RdsClusterInstance(this, $"instance-{i}", new RdsClusterInstanceConfig
            {
                Identifier = $"{config.Identifier}-{i + 1}",
                ClusterIdentifier = cluster.Id,
                Engine = Engine,
                EngineVersion = config.Spec.EngineVersion,
                InstanceClass = config.Spec.InstanceClass,
                PubliclyAccessible = false,
                AutoMinorVersionUpgrade = true,
                CaCertIdentifier = "rds-ca-rsa2048-g1",
                MonitoringInterval = 60,
                MonitoringRoleArn = monitoring.Arn,
                PerformanceInsightsEnabled = insights,
                PerformanceInsightsKmsKeyId = insights ? config.KmsKeyArn : null,
                CopyTagsToSnapshot = true,
            });
    }
}
