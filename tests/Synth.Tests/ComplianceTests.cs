using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// The rules Checkov enforces (it cannot run here), kept true by our own assertions over every stack.
/// Where .checkov.yaml skips a check, the test states where the rule still holds.
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class ComplianceTests(SynthesizedPlatform platform)
{
    public static TheoryData<string> Stacks => [.. SynthesizedPlatform.StackNames];

    private static bool IsLogBucket(JsonObject bucket) => ((string)bucket["bucket"]!).EndsWith("-logs", StringComparison.Ordinal);

    /// <summary>Resources of <paramref name="type"/> that configure <paramref name="bucket"/>.</summary>
    private static IEnumerable<JsonObject> ConfigOf(TerraformJson stack, string type, JsonObject bucket)
    {
        var refs = new[] { stack.ReferenceTo("aws_s3_bucket", bucket, "id"), stack.ReferenceTo("aws_s3_bucket", bucket, "bucket") };
        return stack.Resources(type).Where(r => refs.Contains((string?)r["bucket"]));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryBucketIsVersionedPrivateTlsOnlyEncryptedAndExpiresOldVersions(string name)
    {
        var stack = platform.Stack(name);
        foreach (var bucket in stack.Resources("aws_s3_bucket"))
        {
            var label = (string)bucket["bucket"]!;
            Assert.Equal("Enabled", (string?)Assert.Single(ConfigOf(stack, "aws_s3_bucket_versioning", bucket))["versioning_configuration"]!["status"]);
            var block = Assert.Single(ConfigOf(stack, "aws_s3_bucket_public_access_block", bucket));
            Assert.All(new[] { "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets" }, s => Assert.True((bool?)block[s], $"{label} {s}"));
            var policy = stack.Referenced(((string)Assert.Single(ConfigOf(stack, "aws_s3_bucket_policy", bucket))["policy"]!).Replace(".json}", ".id}"));
            Assert.Contains(policy["statement"]!.AsArray(), s => (string?)s!["sid"] == "DenyInsecureTransport" && (string?)s["effect"] == "Deny");
            Assert.Single(ConfigOf(stack, "aws_s3_bucket_lifecycle_configuration", bucket));

            // CKV_AWS_145 is skipped for log buckets only: AWS log delivery needs SSE-S3 there.
            var sse = Assert.Single(ConfigOf(stack, "aws_s3_bucket_server_side_encryption_configuration", bucket))["rule"]![0]!["apply_server_side_encryption_by_default"]!;
            Assert.Equal(IsLogBucket(bucket) ? "AES256" : "aws:kms", (string?)sse["sse_algorithm"]);
            if (!IsLogBucket(bucket)) Assert.StartsWith("${aws_kms_key.", (string?)sse["kms_master_key_id"]);
        }
    }

    [Fact]
    public void AssetsBucketsLogAccessToTheRegionsLogBucket()
    {
        foreach (var name in new[] { "production", "dr" })
        {
            var stack = platform.Stack(name);
            var assets = Assert.Single(stack.Resources("aws_s3_bucket"), b => ((string)b["bucket"]!).EndsWith("-assets"));
            var logs = Assert.Single(stack.Resources("aws_s3_bucket"), IsLogBucket);
            var logging = Assert.Single(ConfigOf(stack, "aws_s3_bucket_logging", assets));
            Assert.Equal(stack.ReferenceTo("aws_s3_bucket", logs, "bucket"), (string?)logging["target_bucket"]);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryKmsKeyRotatesAndEveryLogGroupIsEncryptedWithRetention(string name)
    {
        var stack = platform.Stack(name);

        Assert.All(stack.Resources("aws_kms_key"), k => Assert.True((bool?)k["enable_key_rotation"]));
        Assert.All(stack.Resources("aws_cloudwatch_log_group"), g =>
        {
            Assert.StartsWith("${aws_kms_key.", (string?)g["kms_key_id"]);
            Assert.Equal(platform.Model.Primary.Storage.LogRetentionDays, (int?)g["retention_in_days"]);
        });
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void DatabaseIsEncryptedProtectedAuthenticatedLoggedAndPrivate(string name)
    {
        var stack = platform.Stack(name);
        var cluster = stack.Resource("aws_rds_cluster");

        Assert.True((bool?)cluster["storage_encrypted"]);
        Assert.StartsWith("${aws_kms_key.", (string?)cluster["kms_key_id"]);
        Assert.True((bool?)cluster["deletion_protection"]);
        Assert.True((bool?)cluster["iam_database_authentication_enabled"]);
        Assert.True((bool?)cluster["copy_tags_to_snapshot"]);
        Assert.InRange((int)cluster["backup_retention_period"]!, 7, 35);
        Assert.All(stack.Resources("aws_rds_cluster_instance"), i =>
        {
            Assert.False((bool?)i["publicly_accessible"]);
            Assert.Equal(60, (int?)i["monitoring_interval"]);
            Assert.True((bool?)i["auto_minor_version_upgrade"]);
        });
        Assert.StartsWith("${aws_kms_key.", (string?)stack.Resource("aws_backup_vault")["kms_key_arn"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void NothingAcceptsTrafficFromTheWholeInternetAndEgressToItIsHttpsOnly(string name)
    {
        var stack = platform.Stack(name);

        Assert.All(stack.Resources("aws_vpc_security_group_ingress_rule"), r => Assert.NotEqual("0.0.0.0/0", (string?)r["cidr_ipv4"]));
        Assert.All(stack.Resources("aws_vpc_security_group_egress_rule").Where(r => (string?)r["cidr_ipv4"] == "0.0.0.0/0"), r =>
        {
            Assert.Equal(443, (int?)r["from_port"]);
            Assert.Equal(443, (int?)r["to_port"]);
        });
        Assert.DoesNotContain(stack.Resources("aws_security_group"), g => g["ingress"] is not null || g["egress"] is not null); // no inline rules
        Assert.All(stack.Resources("aws_default_security_group"), g => Assert.True(g["ingress"] is null && g["egress"] is null));
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void NetworkAclsAdmitNoAdministrationPortFromTheInternet(string name)
    {
        foreach (var rule in platform.Stack(name).Resources("aws_network_acl_rule").Where(r => (bool?)r["egress"] == false && (string?)r["cidr_block"] == "0.0.0.0/0"))
        {
            var (from, to) = ((int)rule["from_port"]!, (int)rule["to_port"]!);
            Assert.All(new[] { 20, 21, 22, 3389 }, port => Assert.False(from <= port && port <= to, $"port {port} open from the internet ({from}-{to})"));
        }
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void EcsExecSessionsAreLoggedEncryptedWithTheCustomerKey(string name)
    {
        // CKV_AWS_224: logging not NONE, a kms_key_id, and a log configuration with its encryption on.
        var stack = platform.Stack(name);
        var exec = stack.Resource("aws_ecs_cluster")["configuration"]!["execute_command_configuration"]!;
        var log = exec["log_configuration"]!;

        Assert.Equal("OVERRIDE", (string?)exec["logging"]);
        Assert.StartsWith("${aws_kms_key.", (string?)exec["kms_key_id"]);
        Assert.True((bool?)log["cloud_watch_encryption_enabled"]);
        var group = stack.Referenced((string)log["cloud_watch_log_group_name"]!);
        Assert.Equal((string?)exec["kms_key_id"], ((string?)group["kms_key_id"]));
    }

    /// <summary>Actions AWS offers on "*" only: no resource-level permissions exist for them.</summary>
    private static readonly string[] ActionsWithoutResourceLevelPermissions =
    [
        "ecr:GetAuthorizationToken", "elasticloadbalancing:DescribeTargetHealth", "ecs:DescribeTaskDefinition", "cloudwatch:GetMetricStatistics",
        // ECS Exec's session channels (Service Authorization Reference, Amazon Session Manager Message Gateway Service: no resource types).
        "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
        "logs:DescribeLogGroups", // a listing of the account's groups, granted on "*" as the ECS Exec guide does: its agent finds the task's group with it
        // Custom metrics (CloudWatch: PutMetricData has no resource type), each statement held to one namespace (tested below).
        "cloudwatch:PutMetricData",
        // The origin header's rotation: a generated value and the lookups of the rules and the distribution it updates
        // (Secrets Manager's GetRandomPassword, ELBv2's Describe* and CloudFront's ListDistributions take no resource).
        "secretsmanager:GetRandomPassword", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeRules", "cloudfront:ListDistributions",
        // Reading scalable targets (Service Authorization Reference, Application Auto Scaling: DescribeScalableTargets has no resource type).
        "application-autoscaling:DescribeScalableTargets",
        // Step Functions' vended log delivery and X-Ray segments (its developer guide: these take no resource).
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
    ];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void IamPoliciesNameTheirResourcesAndUseNoWildcardActions(string name)
    {
        var stack = platform.Stack(name);
        foreach (var policy in stack.Resources("aws_iam_role_policy"))
        {
            var document = stack.Referenced(((string)policy["policy"]!).Replace(".json}", ".id}"));
            foreach (var statement in document["statement"]!.AsArray())
            {
                var actions = statement!["actions"]!.AsArray().Select(a => (string)a!).ToList();
                Assert.All(actions, a => Assert.DoesNotContain("*", a));
                var resources = statement["resources"]!.AsArray().Select(r => (string)r!).ToList();
                if (resources.Contains("*"))
                    Assert.All(actions, a => Assert.Contains(a, ActionsWithoutResourceLevelPermissions));
                if (actions.Contains("cloudwatch:PutMetricData"))
                    Assert.Equal("cloudwatch:namespace", (string?)Assert.Single(statement["condition"]!.AsArray())!["variable"]);
            }
        }
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void ContainerRunsAsNonRootOnAReadOnlyRootWithTheDatabasePasswordFromSecretsManager(string name)
    {
        var container = RegionalStackTests.ContainerOf(platform.Stack(name));

        Assert.Equal("1654", (string?)container["user"]);
        Assert.True((bool?)container["readonlyRootFilesystem"]);
        Assert.Equal("/tmp", (string?)container["mountPoints"]![0]!["containerPath"]);
        Assert.DoesNotContain(container["environment"]!.AsArray(), e => ((string)e!["name"]!).Contains("PASSWORD"));
        Assert.Equal("DB_PASSWORD", (string?)container["secrets"]![0]!["name"]);
        Assert.EndsWith(":password::", (string?)container["secrets"]![0]!["valueFrom"]);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void RegistryClusterAndLoadBalancerAreHardened(string name)
    {
        var stack = platform.Stack(name);
        var repository = stack.Resource("aws_ecr_repository");
        var alb = stack.Resource("aws_lb");

        Assert.Equal("IMMUTABLE", (string?)repository["image_tag_mutability"]);
        Assert.True((bool?)repository["image_scanning_configuration"]!["scan_on_push"]);
        Assert.Equal("KMS", (string?)repository["encryption_configuration"]![0]!["encryption_type"]);
        Assert.Equal("enabled", (string?)stack.Resource("aws_ecs_cluster")["setting"]![0]!["value"]);
        Assert.True((bool?)alb["drop_invalid_header_fields"]);
        Assert.True((bool?)alb["enable_deletion_protection"]);
        Assert.True((bool?)alb["access_logs"]!["enabled"]);
        Assert.False((bool?)stack.Resource("aws_ecs_service")["network_configuration"]!["assign_public_ip"]);

    }

    /// <summary>CKV_AWS_319 fails a metric alarm whose <c>actions_enabled</c> is false; every alarm here also has somewhere to go.</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryAlarmHasItsActionsEnabledAndAnAction(string name)
    {
        var stack = platform.Stack(name);

        Assert.All(stack.Resources("aws_cloudwatch_metric_alarm").Concat(stack.Resources("aws_cloudwatch_composite_alarm")), alarm =>
        {
            Assert.NotEqual(false, (bool?)alarm["actions_enabled"]);
            Assert.NotEmpty(alarm["alarm_actions"]!.AsArray());
        });
    }

    /// <summary>
    /// CKV_AWS_149 fails a secret without <c>kms_key_id</c> or with an AWS-managed key (<c>aws/</c>); the replicas
    /// name a customer key too. Checked with single sign-on on, which adds the OpenID Connect client secret.
    /// </summary>
    [Fact]
    public void EverySecretAndReplicaIsEncryptedWithACustomerManagedKey()
    {
        var stacks = PlatformVariant.Synthesize(env => env.WithAuth());
        var secrets = stacks.Values.SelectMany(s => s.Resources("aws_secretsmanager_secret")).ToList();

        Assert.Equal(3, secrets.Count); // database credentials, origin header, OpenID Connect client secret: all production's
        Assert.All(secrets, secret =>
        {
            Assert.StartsWith("${aws_kms_key.", (string?)secret["kms_key_id"]);
            Assert.All(secret["replica"]!.AsArray(), r => Assert.StartsWith("${aws_kms_key.", (string?)r!["kms_key_id"]));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void NoSecretValueIsSynthesized(string name)
    {
        var text = platform.StackText(name);

        Assert.DoesNotMatch(@"""(master_password|password|secret_string)""\s*:\s*""[^$]", text);
        Assert.All(platform.Stack(name).Resources("aws_ssm_parameter"), p => Assert.DoesNotContain("secret", ((string)p["name"]!).ToLowerInvariant()));
    }

    /// <summary>CKV2_AWS_47: the distribution's web ACL carries both AWSManagedRulesKnownBadInputsRuleSet (Log4j) and AWSManagedRulesAnonymousIpList.</summary>
    [Fact]
    public void TheWebAclCarriesTheManagedGroupsCheckovAsksForLog4j()
    {
        var edge = platform.Stack("edge");
        var acl = edge.Resource("aws_wafv2_web_acl");
        var groups = acl["rule"]!.AsArray().Select(r => (string?)r!["statement"]?["managed_rule_group_statement"]?["name"]).ToList();

        Assert.Contains("AWSManagedRulesKnownBadInputsRuleSet", groups);
        Assert.Contains("AWSManagedRulesAnonymousIpList", groups);
        Assert.Equal(edge.ReferenceTo("aws_wafv2_web_acl", acl, "arn"), (string?)edge.Resource("aws_cloudfront_distribution")["web_acl_id"]);
        var anonymous = acl["rule"]!.AsArray().Single(r => (string?)r!["name"] == "AWSManagedRulesAnonymousIpList")!["statement"]!["managed_rule_group_statement"]!;
        Assert.Equal("HostingProviderIPList", (string?)Assert.Single(anonymous["rule_action_override"]!.AsArray())!["name"]); // Tor and anonymizing VPNs stay blocked
    }

    /// <summary>CKV_AWS_352's skip: every all-protocol NACL ingress rule admits only the VPC's own range (or a peer's).</summary>
    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void AllProtocolNaclIngressComesOnlyFromInsideTheVpc(string name)
    {
        var stack = platform.Stack(name);
        var allowed = platform.Model.Environments.Select(e => e.Network.VpcCidr).ToHashSet(); // its own VPC, or a peered one of the platform
        var allProtocols = stack.Resources("aws_network_acl_rule").Where(r => (bool?)r["egress"] == false && (string?)r["protocol"] == "-1").ToList();

        Assert.NotEmpty(allProtocols);
        Assert.All(allProtocols, r => Assert.Contains((string)r["cidr_block"]!, allowed));
        Assert.All(allProtocols, r => Assert.NotEqual("0.0.0.0/0", (string?)r["cidr_block"]));
    }

    /// <summary>CKV_AWS_326's skip: neither cluster could backtrack (binlog replication or a global database).</summary>
    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void ClustersReplicateSoBacktrackingIsUnsupportedAndBackupsStandIn(string name)
    {
        var stack = platform.Stack(name);
        var parameters = stack.Resources("aws_rds_cluster_parameter_group").SelectMany(g => g["parameter"]!.AsArray()).ToList();

        Assert.Contains(parameters, p => (string?)p!["name"] == "binlog_format" && (string?)p["value"] == "ROW");
        Assert.Null(stack.Resource("aws_rds_cluster")["backtrack_window"]);
        Assert.True((int?)stack.Resource("aws_rds_cluster")["backup_retention_period"] >= 7);
    }

    /// <summary>CKV2_AWS_48's skip: global resource types are recorded exactly once, by the primary's recorder.</summary>
    [Fact]
    public void GlobalResourceTypesAreRecordedOnceByThePrimary()
    {
        var recorders = new[] { "production", "dr" }.ToDictionary(n => n, n => platform.Stack(n).Resource("aws_config_configuration_recorder")["recording_group"]!);

        Assert.True((bool?)recorders["production"]["include_global_resource_types"]);
        Assert.False((bool?)recorders["dr"]["include_global_resource_types"] ?? false);
        Assert.All(recorders.Values, r => Assert.True((bool?)r["all_supported"]));
    }

    /// <summary>CKV2_AWS_46's skip: no origin of the distribution is an S3 bucket.</summary>
    [Fact]
    public void TheDistributionHasNoS3Origin() =>
        Assert.All(platform.Stack("edge").Resource("aws_cloudfront_distribution")["origin"]!.AsArray(), o =>
        {
            Assert.Null(o!["s3_origin_config"]);
            Assert.DoesNotContain(".s3.", (string?)o["domain_name"]);
        });

    /// <summary>CKV2_AWS_5's skip: every security group is used by something; the rotation group by the stack Checkov does not know.</summary>
    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void EverySecurityGroupIsAttached(string name)
    {
        var stack = platform.Stack(name);
        var users = new[] { "aws_lb", "aws_ecs_service", "aws_rds_cluster", "aws_vpc_endpoint", "aws_serverlessapplicationrepository_cloudformation_stack" }
            .SelectMany(stack.Resources).Select(r => r.ToJsonString()).ToList();

        foreach (var group in stack.Resources("aws_security_group"))
        {
            var reference = stack.ReferenceTo("aws_security_group", group, "id");
            Assert.True(users.Any(u => u.Contains(reference, StringComparison.Ordinal)), $"{group["name"]} is attached to nothing");
        }
    }
}
