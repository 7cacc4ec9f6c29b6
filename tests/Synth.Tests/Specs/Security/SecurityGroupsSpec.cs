using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// SecurityGroups promises the chain CloudFront → load balancer → service → database, one port each, every rule its own
/// resource, nothing accepting 0.0.0.0/0; Route 53's health checkers and the rotation function get a group only when asked.
/// </summary>
public sealed class SecurityGroupsSpec
{
    private static TerraformJson Groups(SecurityGroupsConfig config) =>
        ConstructSpec.Synth(stack => new SecurityGroups(stack, "groups", config));

    private static readonly SecurityGroupsConfig Minimal = new()
    {
        Name = "spec-env",
        Region = ConstructSpec.Region,
        VpcId = "vpc-spec",
        ListenerPort = 443,
        ContainerPort = 8080,
        AdmitRoute53HealthCheckers = false,
        DatabaseRotation = false,
    };

    private static JsonObject Group(TerraformJson stack, string purpose) =>
        Assert.Single(stack.Resources("aws_security_group"), g => g["name"]!.GetValue<string>() == $"spec-env-{purpose}");

    private static string Id(TerraformJson stack, string purpose) => stack.ReferenceTo("aws_security_group", Group(stack, purpose), "id");

    private static JsonObject Rule(TerraformJson stack, string type, string group, int port) =>
        Assert.Single(stack.Resources(type), r => r["security_group_id"]!.GetValue<string>() == Id(stack, group) && r["from_port"]!.GetValue<int>() == port);

    [Fact]
    public void Admits_cloudfront_to_the_load_balancer_the_load_balancer_to_the_service_and_the_service_to_the_database()
    {
        var stack = Groups(Minimal);
        Assert.Equal(["spec-env-alb", "spec-env-database", "spec-env-service"], stack.Resources("aws_security_group").Select(g => g["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(stack.Resources("aws_security_group"), g => Assert.Equal("vpc-spec", g["vpc_id"]!.GetValue<string>()));

        var cloudFront = Assert.Single(stack.DataSources("aws_ec2_managed_prefix_list"));
        Assert.Equal("com.amazonaws.global.cloudfront.origin-facing", cloudFront["name"]!.GetValue<string>());
        Assert.Equal(stack.DataReferenceTo("aws_ec2_managed_prefix_list", "id"), Rule(stack, "aws_vpc_security_group_ingress_rule", "alb", 443)["prefix_list_id"]!.GetValue<string>());
        Assert.Equal(Id(stack, "alb"), Rule(stack, "aws_vpc_security_group_ingress_rule", "service", 8080)["referenced_security_group_id"]!.GetValue<string>());
        Assert.Equal(Id(stack, "service"), Rule(stack, "aws_vpc_security_group_ingress_rule", "database", SecurityGroups.MySqlPort)["referenced_security_group_id"]!.GetValue<string>());
        Assert.Equal(Id(stack, "service"), Rule(stack, "aws_vpc_security_group_egress_rule", "alb", 8080)["referenced_security_group_id"]!.GetValue<string>());
        Assert.Equal(Id(stack, "database"), Rule(stack, "aws_vpc_security_group_egress_rule", "service", SecurityGroups.MySqlPort)["referenced_security_group_id"]!.GetValue<string>());
        Assert.Equal(3, stack.Resources("aws_vpc_security_group_ingress_rule").Count);
    }

    [Fact]
    public void Nothing_accepts_the_internet_and_each_rule_opens_one_tcp_port()
    {
        var stack = Groups(Minimal with { AdmitRoute53HealthCheckers = true, DatabaseRotation = true });
        Assert.All(stack.Resources("aws_vpc_security_group_ingress_rule"), r => Assert.Null(r["cidr_ipv4"]));
        Assert.All(stack.Resources("aws_vpc_security_group_ingress_rule").Concat(stack.Resources("aws_vpc_security_group_egress_rule")), r =>
        {
            Assert.Equal("tcp", r["ip_protocol"]!.GetValue<string>());
            Assert.Equal(r["from_port"]!.GetValue<int>(), r["to_port"]!.GetValue<int>());
        });
        Assert.All(stack.Resources("aws_security_group"), g => Assert.Null(g["ingress"]));
    }

    [Fact]
    public void Opens_the_given_listener_and_container_ports()
    {
        var stack = Groups(Minimal with { ListenerPort = 80, ContainerPort = 5000 });
        Rule(stack, "aws_vpc_security_group_ingress_rule", "alb", 80);
        Rule(stack, "aws_vpc_security_group_ingress_rule", "service", 5000);
        Rule(stack, "aws_vpc_security_group_egress_rule", "alb", 5000);
        Assert.DoesNotContain(stack.Resources("aws_vpc_security_group_ingress_rule"), r => r["from_port"]!.GetValue<int>() is 443 or 8080);
    }

    [Fact]
    public void Admits_route53_health_checkers_of_its_region_only_when_asked()
    {
        Assert.DoesNotContain(Groups(Minimal).Resources("aws_security_group"), g => g["name"]!.GetValue<string>() == "spec-env-alb-health-checks");

        var stack = Groups(Minimal with { AdmitRoute53HealthCheckers = true, Region = "eu-west-1" });
        var checkers = Assert.Single(stack.DataSources("aws_ec2_managed_prefix_list"), p => p["name"]!.GetValue<string>() == "com.amazonaws.eu-west-1.route53-healthchecks");
        var rule = Rule(stack, "aws_vpc_security_group_ingress_rule", "alb-health-checks", 443);
        Assert.Contains(stack.Root["data"]!["aws_ec2_managed_prefix_list"]!.AsObject().Single(p => ReferenceEquals(p.Value, checkers)).Key, rule["prefix_list_id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lets_the_rotation_function_reach_the_database_only_when_asked()
    {
        Assert.DoesNotContain(Groups(Minimal).Resources("aws_security_group"), g => g["name"]!.GetValue<string>() == "spec-env-rotation");

        var stack = Groups(Minimal with { DatabaseRotation = true });
        Assert.Equal(Id(stack, "database"), Rule(stack, "aws_vpc_security_group_egress_rule", "rotation", SecurityGroups.MySqlPort)["referenced_security_group_id"]!.GetValue<string>());
        Assert.Single(stack.Resources("aws_vpc_security_group_ingress_rule"), r =>
            r["security_group_id"]!.GetValue<string>() == Id(stack, "database") && r["referenced_security_group_id"]?.GetValue<string>() == Id(stack, "rotation"));
    }
}
