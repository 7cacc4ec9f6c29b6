using StudentRecords.Synth.Constructs.Network;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>InterfaceEndpoints promises a private-DNS interface endpoint in the given subnets for each service a task needs to start without NAT, open only to HTTPS from the VPC.</summary>
public sealed class InterfaceEndpointsSpec
{
    private static TerraformJson Endpoints(string region = ConstructSpec.Region, string vpcCidr = "10.0.0.0/16") =>
        ConstructSpec.Synth(stack => new InterfaceEndpoints(stack, "endpoints", new InterfaceEndpointsConfig
        {
            Name = "spec-dr",
            Region = region,
            VpcId = "vpc-spec",
            VpcCidr = vpcCidr,
            SubnetIds = ["subnet-private-a", "subnet-private-b"],
        }));

    [Fact]
    public void Opens_a_private_endpoint_for_each_service_in_the_given_region_and_subnets()
    {
        var stack = Endpoints(region: "eu-west-1");
        var group = stack.ReferenceTo("aws_security_group", stack.Resource("aws_security_group"), "id");
        var endpoints = stack.Resources("aws_vpc_endpoint");
        Assert.Equal(InterfaceEndpoints.Services.Select(s => $"com.amazonaws.eu-west-1.{s}").Order(), endpoints.Select(e => (string)e["service_name"]!).Order());
        Assert.All(endpoints, endpoint =>
        {
            Assert.Equal("vpc-spec", (string?)endpoint["vpc_id"]);
            Assert.Equal("Interface", (string?)endpoint["vpc_endpoint_type"]);
            Assert.True((bool)endpoint["private_dns_enabled"]!);
            Assert.Equal(["subnet-private-a", "subnet-private-b"], endpoint["subnet_ids"]!.AsArray().Select(s => (string)s!));
            Assert.Equal([group], endpoint["security_group_ids"]!.AsArray().Select(g => (string)g!));
        });
    }

    [Fact]
    public void The_endpoints_group_admits_only_https_from_the_vpc()
    {
        var stack = Endpoints(vpcCidr: "10.42.0.0/16");
        var group = stack.Resource("aws_security_group");
        Assert.Equal("vpc-spec", (string?)group["vpc_id"]);
        Assert.Null(group["ingress"]);
        var rule = stack.Resource("aws_vpc_security_group_ingress_rule");
        Assert.Equal(stack.ReferenceTo("aws_security_group", group, "id"), (string?)rule["security_group_id"]);
        Assert.Equal("tcp", (string?)rule["ip_protocol"]);
        Assert.Equal(443, (int)rule["from_port"]!);
        Assert.Equal(443, (int)rule["to_port"]!);
        Assert.Equal("10.42.0.0/16", (string?)rule["cidr_ipv4"]);
    }
}
