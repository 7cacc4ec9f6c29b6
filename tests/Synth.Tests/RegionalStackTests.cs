using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Tests;

/// <summary>The regional stacks carry the seed's numbers, and production and DR differ exactly where the model does.</summary>
[Collection(SynthCollection.Name)]
public sealed class RegionalStackTests(SynthesizedPlatform platform)
{
    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!);

    [Theory]
    [InlineData("production", "eu-central-1", "10.2.1.0/24,10.2.2.0/24", "10.2.10.0/24,10.2.20.0/24")]
    [InlineData("dr", "eu-west-1", "10.3.1.0/24,10.3.2.0/24", "10.3.10.0/24,10.3.20.0/24")]
    public void SubnetsAreTheModelsOnePerTierAndZone(string stack, string region, string publicCidrs, string privateCidrs)
    {
        var subnets = platform.Stack(stack).Resources("aws_subnet");
        string[] Tier(string tier) => [.. subnets.Where(s => (string?)s["tags"]!["Tier"] == tier).OrderBy(s => (string)s["cidr_block"]!).Select(s => $"{s["cidr_block"]}@{s["availability_zone"]}")];

        Assert.Equal(publicCidrs.Split(',').Select((c, i) => $"{c}@{region}{(char)('a' + i)}"), Tier("public"));
        Assert.Equal(privateCidrs.Split(',').Select((c, i) => $"{c}@{region}{(char)('a' + i)}"), Tier("private"));
        Assert.All(subnets, s => Assert.False((bool?)s["map_public_ip_on_launch"]));
    }

    [Theory]
    [InlineData("production", 2, 2)]
    [InlineData("dr", 0, 1)]
    public void NatGatewaysFollowTheModelWithAPrivateRouteTablePerGateway(string stack, int natGateways, int privateTables)
    {
        var json = platform.Stack(stack);

        Assert.Equal(natGateways, json.Resources("aws_nat_gateway").Count);
        Assert.Equal(natGateways, json.Resources("aws_eip").Count);
        Assert.Equal(privateTables, json.Resources("aws_route_table").Count(t => ((string)t["tags"]!["Name"]!).Contains("-private")));
        Assert.Equal(natGateways, json.Resources("aws_route").Count(r => r["nat_gateway_id"] is not null));
    }

    [Fact]
    public void PilotLightTasksReachAwsThroughInterfaceEndpointsInsteadOfNat()
    {
        string[] Services(string stack) => [.. platform.Stack(stack).Resources("aws_vpc_endpoint")
            .Where(e => (string?)e["vpc_endpoint_type"] == "Interface")
            .Select(e => ((string)e["service_name"]!).Split('.', 4)[3]).Order()];

        Assert.Equal(["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssmmessages"], Services("dr")); // ssmmessages: ECS Exec for operators
        Assert.Empty(Services("production"));
        Assert.All(["production", "dr"], stack => Assert.Single(platform.Stack(stack).Resources("aws_vpc_endpoint"), e => (string?)e["vpc_endpoint_type"] == "Gateway"));
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void ServiceIsCreatedAfterTheListenerAndRulesThatUseItsTargetGroup(string name)
    {
        // ECS refuses a service whose target group no load balancer forwards to yet (first apply).
        var stack = platform.Stack(name);
        var targetGroup = stack.ReferenceTo("aws_lb_target_group", stack.Resource("aws_lb_target_group"), "arn");
        var routing = stack.Root["resource"]!["aws_lb_listener_rule"]!.AsObject()
            .Where(r => r.Value!["action"]!.AsArray().Any(a => (string?)a!["target_group_arn"] == targetGroup))
            .Select(r => $"aws_lb_listener_rule.{r.Key}")
            .Append($"aws_lb_listener.{Assert.Single(stack.Root["resource"]!["aws_lb_listener"]!.AsObject()).Key}")
            .ToList();

        var dependsOn = stack.Resource("aws_ecs_service")["depends_on"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Equal(3, routing.Count);
        Assert.All(routing, address => Assert.Contains(address, dependsOn));
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void OperatorsCanExecIntoATaskToRunTheUsersCommand(string name)
    {
        var stack = platform.Stack(name);
        var taskRole = (string)stack.Resource("aws_ecs_task_definition")["task_role_arn"]!;
        var policy = stack.Resources("aws_iam_role_policy").Single(p => (string?)p["role"] == taskRole.Replace(".arn}", ".id}"));
        var statements = stack.Referenced(((string)policy["policy"]!).Replace(".json}", ".id}"))["statement"]!.AsArray();
        var allowed = statements.SelectMany(s => s!["actions"]!.AsArray().Select(a => ((string)a!, s["resources"]!.AsArray().Select(r => (string)r!).ToList()))).ToList();

        Assert.All(new[] { "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel" },
            action => Assert.Contains(allowed, a => a.Item1 == action));
        // The session is encrypted with the key the cluster names for it: the task must be able to decrypt with it.
        var execKey = (string)stack.Resource("aws_ecs_cluster")["configuration"]!["execute_command_configuration"]!["kms_key_id"]!;
        Assert.Contains(allowed, a => a.Item1 == "kms:Decrypt" && a.Item2.Contains(execKey));
    }

    [Theory]
    [InlineData("production", 2, 2, 10)]
    [InlineData("dr", 0, 0, 10)]
    public void ServiceRunsTheModelsTaskCountAndScalesWithinItsBounds(string stack, int desired, int min, int max)
    {
        var json = platform.Stack(stack);
        var service = json.Resource("aws_ecs_service");
        var scaling = json.Resource("aws_appautoscaling_target");
        var task = json.Resource("aws_ecs_task_definition");

        Assert.Equal(desired, (int?)service["desired_count"]);
        Assert.Equal(min, (int?)scaling["min_capacity"]);
        Assert.Equal(max, (int?)scaling["max_capacity"]);
        Assert.Equal("256", (string?)task["cpu"]);
        Assert.Equal("512", (string?)task["memory"]);
        Assert.Equal(70, (double?)json.Resource("aws_appautoscaling_policy")["target_tracking_scaling_policy_configuration"]!["target_value"]);
        Assert.True((bool?)service["deployment_circuit_breaker"]!["rollback"]);
    }

    [Theory]
    [InlineData("production", 2)]
    [InlineData("dr", 1)]
    public void DatabaseHasTheModelsInstancesAndSettings(string stack, int instances)
    {
        var json = platform.Stack(stack);
        var cluster = json.Resource("aws_rds_cluster");

        Assert.Equal(instances, json.Resources("aws_rds_cluster_instance").Count);
        Assert.All(json.Resources("aws_rds_cluster_instance"), i => Assert.Equal("db.t3.large", (string?)i["instance_class"]));
        Assert.Equal("aurora-mysql", (string?)cluster["engine"]);
        Assert.StartsWith("8.0.mysql_aurora.3.", (string?)cluster["engine_version"]);
        Assert.Equal(7, (int?)cluster["backup_retention_period"]);
        Assert.Equal("03:00-04:00", (string?)cluster["preferred_backup_window"]);
        Assert.Equal(["audit", "error", "slowquery"], Strings(cluster["enabled_cloudwatch_logs_exports"]));
        var parameters = json.Resource("aws_rds_cluster_parameter_group")["parameter"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => (string?)p!["value"]);
        Assert.Equal("ON", parameters["require_secure_transport"]);
        // Each exported log is written only when its parameter is on (else the export stays empty).
        Assert.Equal("1", parameters["server_audit_logging"]);
        Assert.Contains("CONNECT", parameters["server_audit_events"]!.Split(','));
        Assert.Equal("1", parameters["slow_query_log"]);
    }

    [Fact]
    public void DrDatabaseIsABinlogReplicaOfProductionsClusterByName()
    {
        var production = platform.Stack("production").Resource("aws_rds_cluster");
        var dr = platform.Stack("dr").Resource("aws_rds_cluster");

        Assert.Equal("student-record-system-production-aurora", (string?)production["cluster_identifier"]);
        var drStack = platform.Stack("dr");
        Assert.Equal(
            $"arn:{drStack.DataReferenceTo("aws_partition", "partition")}:rds:eu-central-1:{drStack.DataReferenceTo("aws_caller_identity", "account_id")}:cluster:student-record-system-production-aurora",
            (string?)dr["replication_source_identifier"]);
        Assert.Equal("eu-central-1", (string?)dr["source_region"]);
        Assert.Null(dr["master_username"]); // a replica takes the primary's users
        Assert.NotNull(production["master_username"]);
        // Both write a row-based binlog: production's feeds DR; DR's lets failback re-seed production from it.
        Assert.All(["production", "dr"], stack => Assert.Contains(platform.Stack(stack).Resource("aws_rds_cluster_parameter_group")["parameter"]!.AsArray(),
            p => (string?)p!["name"] == "binlog_format" && (string?)p["value"] == "ROW"));
        Assert.Empty(platform.Stack("production").Resources("aws_rds_global_cluster"));
    }

    [Fact]
    public void MasterSecretIsReplicatedToDrAndTheServiceReadsItThere()
    {
        var secret = Assert.Single(platform.Stack("production").Resources("aws_secretsmanager_secret"), s => ((string)s["name"]!).EndsWith("/database/master"));
        var lookup = Assert.Single(platform.Stack("dr").DataSources("aws_secretsmanager_secret"));

        Assert.Equal("eu-west-1", (string?)secret["replica"]![0]!["region"]);
        Assert.StartsWith("${aws_kms_key.", (string?)secret["kms_key_id"]);
        Assert.Equal((string?)secret["name"], (string?)lookup["name"]);
        var drContainer = ContainerOf(platform.Stack("dr"));
        Assert.StartsWith("${data.aws_secretsmanager_secret.", (string?)drContainer["secrets"]![0]!["valueFrom"]);
    }

    [Fact]
    public void SecretReplicasAreEncryptedUnderAKeyInTheStandbyRegionOnlyDrsServiceRoleMayUse()
    {
        var production = platform.Stack("production");
        var dr = platform.Stack("dr");

        var replicaKey = Assert.Single(production.Resources("aws_kms_key"), k => (string?)k["region"] == "eu-west-1");
        Assert.True((bool?)replicaKey["enable_key_rotation"]);
        var alias = Assert.Single(production.Resources("aws_kms_alias"), a => (string?)a["region"] == "eu-west-1");
        Assert.Equal(production.ReferenceTo("aws_kms_key", replicaKey, "key_id"), (string?)alias["target_key_id"]);
        Assert.Equal(2, production.Resources("aws_secretsmanager_secret").Count); // database credentials, origin header
        foreach (var secret in production.Resources("aws_secretsmanager_secret"))
        {
            var replica = Assert.Single(secret["replica"]!.AsArray())!;
            Assert.Equal("eu-west-1", (string?)replica["region"]);
            Assert.Equal(production.ReferenceTo("aws_kms_key", replicaKey, "arn"), (string?)replica["kms_key_id"]);
        }

        var statements = dr.DataSources("aws_iam_policy_document").SelectMany(d => d["statement"]!.AsArray()).ToList();
        var decrypt = Assert.Single(statements, s => (string?)s!["sid"] == "DecryptDatabaseSecret")!;
        Assert.Equal(["kms:Decrypt"], decrypt["actions"]!.AsArray().Select(a => (string?)a));
        var keyReference = (string)Assert.Single(decrypt["resources"]!.AsArray())!;
        var lookup = dr.Referenced(keyReference);
        Assert.Equal((string?)alias["name"], (string?)lookup["name"]);
        Assert.Null(lookup["region"]); // DR's own region, where production made the key
        Assert.Single(statements, s => s!.ToJsonString().Contains(keyReference));
    }

    [Fact]
    public void PrimaryReplicatesImagesAndBackupsToTheStandbyRegion()
    {
        var production = platform.Stack("production");

        var destination = production.Resource("aws_ecr_replication_configuration")["replication_configuration"]!["rule"]![0]!["destination"]![0]!;
        Assert.Equal("eu-west-1", (string?)destination["region"]);
        Assert.Empty(platform.Stack("dr").Resources("aws_ecr_replication_configuration"));
        var copy = production.Resource("aws_backup_plan")["rule"]![0]!["copy_action"]![0]!;
        Assert.Contains(":backup:eu-west-1:", (string?)copy["destination_vault_arn"]);
        Assert.EndsWith(":backup-vault:student-record-system-dr-backups", (string?)copy["destination_vault_arn"]);
        Assert.Equal("student-record-system-dr-backups", (string?)platform.Stack("dr").Resource("aws_backup_vault")["name"]);
    }

    [Fact]
    public void DrPullsProductionsAssetsIntoItsOwnBucketUnderItsKey()
    {
        var dr = platform.Stack("dr");
        var replication = dr.Resource("aws_s3_bucket_replication_configuration");

        Assert.Equal("student-record-system-production-assets", (string?)replication["bucket"]);
        Assert.Equal("eu-central-1", (string?)replication["region"]);
        var destination = replication["rule"]![0]!["destination"]!;
        Assert.Equal("student-record-system-dr-assets", (string?)dr.Referenced((string)destination["bucket"]!)["bucket"]);
        var replicaKey = (string)destination["encryption_configuration"]!["replica_kms_key_id"]!;
        Assert.StartsWith("${aws_kms_key.", replicaKey);
        Assert.Equal(dr.ReferenceTo("aws_kms_key", dr.Resource("aws_kms_key"), "arn"), replicaKey);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void OnlyCloudFrontAndRoute53sHealthCheckersReachTheAlbOnlyTheAlbTheServiceOnlyTheServiceTheDatabase(string stack)
    {
        var json = platform.Stack(stack);
        var region = platform.Model.Environments.Single(e => e.Name == stack).Region;
        var groups = json.Resources("aws_security_group").ToDictionary(g => ((string)g["name"]!)[$"student-record-system-{stack}-".Length..], g => json.ReferenceTo("aws_security_group", g, "id"));
        var ingress = json.Resources("aws_vpc_security_group_ingress_rule");
        string Allowed(string to) => string.Join(";", ingress.Where(r => (string?)r["security_group_id"] == groups[to])
            .Select(r => $"{r["from_port"]}-{r["to_port"]}<{(string?)r["referenced_security_group_id"] ?? PrefixListName((string?)r["prefix_list_id"]) ?? (string?)r["cidr_ipv4"]}"));
        string? PrefixListName(string? reference) => reference is null ? null : (string?)json.Referenced(reference)["name"];

        Assert.Equal("443-443<com.amazonaws.global.cloudfront.origin-facing", Allowed("alb"));
        Assert.Equal($"443-443<com.amazonaws.{region}.route53-healthchecks", Allowed("alb-health-checks"));
        Assert.Equal($"8080-8080<{groups["alb"]}", Allowed("service"));
        // The primary's secret rotation function changes the master password; the standby's secret is a replica.
        Assert.Equal(stack == "production" ? [$"3306-3306<{groups["rotation"]}", $"3306-3306<{groups["service"]}"] : [$"3306-3306<{groups["service"]}"],
            Allowed("database").Split(';').Order(StringComparer.Ordinal));
        // The load balancer carries both groups (CloudFront's list weighs 55 of a group's 60 rules, Route 53's 25);
        // the health checkers' group sends nothing, and only the readiness path answers them without the origin header.
        Assert.Equal([groups["alb"], groups["alb-health-checks"]], Strings(json.Resource("aws_lb")["security_groups"]));
        Assert.DoesNotContain(json.Resources("aws_vpc_security_group_egress_rule"), r => (string?)r["security_group_id"] == groups["alb-health-checks"]);
        var headerless = json.Resources("aws_lb_listener_rule").Where(r => r["condition"]![0]!["http_header"] is null).ToList();
        Assert.Equal("/health/ready", (string?)Assert.Single(headerless)["condition"]![0]!["path_pattern"]!["values"]![0]);
    }

    [Theory]
    [InlineData("production", "production.records.example.org")]
    [InlineData("dr", "dr.records.example.org")]
    public void AlbServesHttpsWithTheEnvironmentsCertificateAndChecksReadiness(string stack, string originName)
    {
        var json = platform.Stack(stack);
        var listener = json.Resource("aws_lb_listener");

        Assert.Equal(443, (int?)listener["port"]);
        Assert.Equal("HTTPS", (string?)listener["protocol"]);
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", (string?)listener["ssl_policy"]);
        Assert.Equal(originName, (string?)json.Resource("aws_acm_certificate")["domain_name"]);
        Assert.Equal(["origin.records.example.org"], Strings(json.Resource("aws_acm_certificate")["subject_alternative_names"]));
        Assert.Equal("/health/ready", (string?)json.Resource("aws_lb_target_group")["health_check"]!["path"]);
        Assert.Equal(8080, (int?)json.Resource("aws_lb_target_group")["port"]);
        Assert.True(((string)json.Resource("aws_lb")["name"]!).Length <= 32);
    }

    /// <summary>
    /// Both certificates name origin.&lt;domain&gt;, whose ACM validation record is the same CNAME in both: production owns
    /// it, DR validates only its own name, so destroying DR cannot break production's renewal (no allow_overwrite).
    /// </summary>
    [Fact]
    public void TheSharedFailoverNamesValidationRecordHasOneOwnerTheProductionStack()
    {
        var records = new[] { "production", "dr" }.ToDictionary(s => s, s => platform.Stack(s).Resources("aws_route53_record").Single(r => r["for_each"] is not null));

        Assert.DoesNotContain("origin.records.example.org", (string?)records["production"]["for_each"]);
        Assert.Contains("if !contains([\"origin.records.example.org\"], option.domain_name)", (string?)records["dr"]["for_each"]);
        Assert.All(records.Values, r => Assert.Null(r["allow_overwrite"]));
        Assert.Equal(["origin.records.example.org"], Strings(platform.Stack("dr").Resource("aws_acm_certificate")["subject_alternative_names"])); // DR still answers to it
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void OperationalParametersFollowTheSeedsNaming(string stack)
    {
        var names = platform.Stack(stack).Resources("aws_ssm_parameter").Select(p => (string)p["name"]!).Order();

        Assert.Equal(
            new[] { "alb-dns-name", "db-cluster-arn", "db-cluster-endpoint", "ecs-cluster-name", "ecs-service-name", "region", "role", "target-group-arn" }
                .Select(n => $"/student-record-system/{stack}/{n}"),
            names);
    }

    internal static JsonObject ContainerOf(TerraformJson stack) =>
        JsonNode.Parse((string)stack.Resource("aws_ecs_task_definition")["container_definitions"]!)!.AsArray().Single()!.AsObject();
}
