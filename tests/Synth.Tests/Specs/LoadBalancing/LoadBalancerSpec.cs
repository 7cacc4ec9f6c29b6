using StudentRecords.Synth.Constructs.LoadBalancing;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>LoadBalancer promises an internet-facing, logged, deletion-protected ALB that serves HTTPS with a modern policy when given a certificate and forwards only requests with the origin header, or to the readiness path.</summary>
public sealed class LoadBalancerSpec
{
    private const string CertificateArn = "arn:aws:acm:eu-central-1:111122223333:certificate/spec";

    private static TerraformJson Alb(string? certificateArn = CertificateArn, int containerPort = 8080, string healthPath = "/health/ready") =>
        ConstructSpec.Synth(stack => new LoadBalancer(stack, "alb", new LoadBalancerConfig
        {
            Name = "spec-production",
            VpcId = "vpc-spec",
            SubnetIds = ["subnet-public-a", "subnet-public-b"],
            SecurityGroupIds = ["sg-alb"],
            ContainerPort = containerPort,
            HealthCheckPath = healthPath,
            LogBucketName = "spec-logs",
            LogBucketPolicy = SpecInputs.LogBucketPolicy(stack),
            CertificateArn = certificateArn,
            OriginSecret = "spec-origin-secret",
        }));

    [Fact]
    public void Is_an_internet_facing_alb_that_drops_invalid_headers_resists_deletion_and_logs_once_the_bucket_allows_it()
    {
        var alb = Alb().Resource("aws_lb");
        Assert.Equal("application", (string?)alb["load_balancer_type"]);
        Assert.False((bool)alb["internal"]!);
        Assert.Equal(["subnet-public-a", "subnet-public-b"], alb["subnets"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["sg-alb"], alb["security_groups"]!.AsArray().Select(s => (string)s!));
        Assert.True((bool)alb["drop_invalid_header_fields"]!);
        Assert.True((bool)alb["enable_deletion_protection"]!);
        var logs = alb["access_logs"]!;
        Assert.True((bool)logs["enabled"]!);
        Assert.Equal("spec-logs", (string?)logs["bucket"]);
        Assert.Equal("alb", (string?)logs["prefix"]);
        Assert.Contains(SpecInputs.LogBucketPolicyAddress, SpecInputs.DependsOn(alb));
    }

    [Fact]
    public void Serves_https_on_443_with_the_modern_policy_given_a_certificate_and_http_on_80_without_one()
    {
        var https = Alb().Resource("aws_lb_listener");
        Assert.Equal(443, (int)https["port"]!);
        Assert.Equal("HTTPS", (string?)https["protocol"]);
        Assert.Equal(LoadBalancer.TlsPolicy, (string?)https["ssl_policy"]);
        Assert.Equal(CertificateArn, (string?)https["certificate_arn"]);

        var http = Alb(certificateArn: null).Resource("aws_lb_listener");
        Assert.Equal(80, (int)http["port"]!);
        Assert.Equal("HTTP", (string?)http["protocol"]);
        Assert.Null(http["ssl_policy"]);
        Assert.Null(http["certificate_arn"]);
    }

    [Fact]
    public void Refuses_requests_without_the_origin_header_but_forwards_those_with_it_and_the_readiness_path()
    {
        var stack = Alb(healthPath: "/ready");
        var refusal = Assert.Single(stack.Resource("aws_lb_listener")["default_action"]!.AsArray())!;
        Assert.Equal("fixed-response", (string?)refusal["type"]);
        Assert.Equal("403", (string?)refusal["fixed_response"]!["status_code"]);
        var targets = stack.ReferenceTo("aws_lb_target_group", stack.Resource("aws_lb_target_group"), "arn");
        var rules = stack.Resources("aws_lb_listener_rule");
        Assert.Equal(2, rules.Count);
        Assert.All(rules, rule => Assert.Equal(targets, (string?)rule["action"]![0]!["target_group_arn"]));

        var fromCloudFront = Assert.Single(rules, r => (int)r["priority"]! == 10);
        var header = fromCloudFront["condition"]![0]!["http_header"]!;
        Assert.Equal(OriginSecret.HeaderName, (string?)header["http_header_name"]);
        Assert.Equal(["spec-origin-secret"], header["values"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["condition"], fromCloudFront["lifecycle"]!["ignore_changes"]!.AsArray().Select(c => (string)c!));
        var readiness = Assert.Single(rules, r => (int)r["priority"]! == 20);
        Assert.Equal(["/ready"], readiness["condition"]![0]!["path_pattern"]!["values"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Targets_tasks_by_ip_on_the_container_port_and_checks_their_readiness_path()
    {
        var targets = Alb(containerPort: 3000, healthPath: "/ready").Resource("aws_lb_target_group");
        Assert.Equal(3000, (int)targets["port"]!);
        Assert.Equal("HTTP", (string?)targets["protocol"]);
        Assert.Equal("ip", (string?)targets["target_type"]);
        Assert.Equal("vpc-spec", (string?)targets["vpc_id"]);
        Assert.Equal("/ready", (string?)targets["health_check"]!["path"]);
        Assert.Equal("200", (string?)targets["health_check"]!["matcher"]);
    }
}
