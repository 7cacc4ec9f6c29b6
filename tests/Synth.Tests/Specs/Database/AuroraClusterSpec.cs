using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Database;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>AuroraCluster promises an encrypted, TLS-only, IAM-authenticated, logged and protected cluster whose writer owns the credentials and whose standby follows it as the replication mode says.</summary>
public sealed class AuroraClusterSpec
{
    private const string SourceArn = "arn:aws:rds:eu-central-1:111122223333:cluster:spec-production";

    private static readonly DatabaseSpec Global = new()
    {
        EngineVersion = "8.0.mysql_aurora.3.08.0",
        InstanceClass = "db.r6g.large",
        InstanceCount = 2,
        Replication = ReplicationMode.Global,
        BackupRetentionDays = 7,
        BackupWindow = "03:00-04:00",
    };

    private static TerraformJson Cluster(DatabaseSpec spec, bool primary, ReplicationWiring? wiring = null) =>
        ConstructSpec.Synth(stack =>
        {
            var credentials = new DatabaseCredentials(stack, "credentials", new DatabaseCredentialsConfig
            {
                SecretName = "spec/database",
                Username = "admin_user",
                KmsKeyArn = ConstructSpec.KmsKeyArn,
                Replicas = [],
                Create = primary,
            });
            new AuroraCluster(stack, "cluster", new AuroraClusterConfig
            {
                Identifier = "spec-db",
                Spec = spec,
                IsPrimary = primary,
                Replication = wiring ?? new ReplicationWiring("spec-global", null, null),
                SubnetIds = ["subnet-a", "subnet-b"],
                SecurityGroupId = "sg-database",
                KmsKeyArn = ConstructSpec.KmsKeyArn,
                Credentials = credentials,
                DatabaseName = "records",
                Partition = "aws",
            });
        });

    private static Dictionary<string, string> Parameters(TerraformJson stack) =>
        stack.Resource("aws_rds_cluster_parameter_group")["parameter"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (string)p!["value"]!);

    [Fact]
    public void Is_encrypted_with_the_given_key_requires_tls_and_iam_authentication_exports_its_logs_and_resists_deletion()
    {
        var stack = Cluster(Global, primary: true);
        var cluster = stack.Resource("aws_rds_cluster");
        Assert.True((bool)cluster["storage_encrypted"]!);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)cluster["kms_key_id"]);
        Assert.True((bool)cluster["iam_database_authentication_enabled"]!);
        Assert.True((bool)cluster["deletion_protection"]!);
        Assert.Equal("spec-db-final", (string?)cluster["final_snapshot_identifier"]);
        Assert.Equal(["audit", "error", "slowquery"], cluster["enabled_cloudwatch_logs_exports"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["sg-database"], cluster["vpc_security_group_ids"]!.AsArray().Select(g => (string)g!));
        Assert.Equal(["subnet-a", "subnet-b"], stack.Resource("aws_db_subnet_group")["subnet_ids"]!.AsArray().Select(s => (string)s!));
        var parameters = Parameters(stack);
        Assert.Equal("ON", parameters["require_secure_transport"]);
        Assert.Equal("1", parameters["server_audit_logging"]);
        Assert.Equal("1", parameters["slow_query_log"]);
    }

    [Fact]
    public void Keeps_backups_for_the_models_days_in_the_models_window()
    {
        var cluster = Cluster(Global with { BackupRetentionDays = 14, BackupWindow = "01:00-02:00" }, primary: true).Resource("aws_rds_cluster");
        Assert.Equal(14, (int)cluster["backup_retention_period"]!);
        Assert.Equal("01:00-02:00", (string?)cluster["preferred_backup_window"]);
        Assert.True((bool)cluster["copy_tags_to_snapshot"]!);
    }

    [Fact]
    public void Runs_the_models_count_of_private_instances_with_performance_insights_only_where_the_class_supports_it()
    {
        var stack = Cluster(Global with { InstanceCount = 3 }, primary: true);
        var instances = stack.Resources("aws_rds_cluster_instance");
        Assert.Equal(["spec-db-1", "spec-db-2", "spec-db-3"], instances.Select(i => (string)i["identifier"]!).Order());
        foreach (var instance in instances)
        {
            Assert.False((bool)instance["publicly_accessible"]!);
            Assert.Equal("db.r6g.large", (string?)instance["instance_class"]);
            Assert.True((bool)instance["performance_insights_enabled"]!);
            Assert.Equal(ConstructSpec.KmsKeyArn, (string?)instance["performance_insights_kms_key_id"]);
            Assert.Equal(["monitoring.rds.amazonaws.com"], SpecInputs.TrustedServices(stack, (string)instance["monitoring_role_arn"]!));
        }

        var burstable = Assert.Single(Cluster(Global with { InstanceClass = "db.t3.medium", InstanceCount = 1 }, primary: true).Resources("aws_rds_cluster_instance"));
        Assert.False((bool)burstable["performance_insights_enabled"]!);
        Assert.Null(burstable["performance_insights_kms_key_id"]);
    }

    [Fact]
    public void The_global_primary_owns_the_global_database_and_the_credentials_while_its_secondary_only_joins()
    {
        var primary = Cluster(Global, primary: true);
        var global = primary.Resource("aws_rds_global_cluster");
        Assert.Equal("spec-global", (string?)global["global_cluster_identifier"]);
        Assert.True((bool)global["storage_encrypted"]!);
        var writer = primary.Resource("aws_rds_cluster");
        Assert.Equal(primary.ReferenceTo("aws_rds_global_cluster", global, "id"), (string?)writer["global_cluster_identifier"]);
        Assert.Equal("records", (string?)writer["database_name"]);
        Assert.Equal("admin_user", (string?)writer["master_username"]);
        Assert.Contains(primary.Referenced((string)writer["master_password"]!), primary.DataSources("aws_secretsmanager_random_password"));
        Assert.Contains("master_password", writer["lifecycle"]!["ignore_changes"]!.AsArray().Select(c => (string)c!));

        var secondary = Cluster(Global, primary: false, new ReplicationWiring("spec-global", null, "eu-central-1"));
        Assert.Empty(secondary.Resources("aws_rds_global_cluster"));
        var follower = secondary.Resource("aws_rds_cluster");
        Assert.Equal("spec-global", (string?)follower["global_cluster_identifier"]);
        Assert.Equal("eu-central-1", (string?)follower["source_region"]);
        foreach (var writerOnly in new[] { "database_name", "master_username", "master_password", "replication_source_identifier" })
            Assert.Null(follower[writerOnly]);
    }

    [Fact]
    public void A_binlog_standby_replicates_from_the_source_cluster_and_both_sides_write_a_row_based_binlog()
    {
        var binlog = Global with { Replication = ReplicationMode.Binlog };
        var standby = Cluster(binlog, primary: false, new ReplicationWiring(null, SourceArn, "eu-central-1"));
        var replica = standby.Resource("aws_rds_cluster");
        Assert.Equal(SourceArn, (string?)replica["replication_source_identifier"]);
        Assert.Null(replica["global_cluster_identifier"]);
        Assert.Equal("ROW", Parameters(standby)["binlog_format"]);

        var primary = Cluster(binlog, primary: true, new ReplicationWiring(null, null, null));
        Assert.Empty(primary.Resources("aws_rds_global_cluster"));
        Assert.Null(primary.Resource("aws_rds_cluster")["global_cluster_identifier"]);
        Assert.Equal("ROW", Parameters(primary)["binlog_format"]);
        Assert.False(Parameters(Cluster(Global, primary: true)).ContainsKey("binlog_format"));
    }
}
