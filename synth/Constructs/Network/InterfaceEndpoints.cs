using Constructs;
using HashiCorp.Cdktf.Providers.Aws.SecurityGroup;
using HashiCorp.Cdktf.Providers.Aws.VpcEndpoint;
using HashiCorp.Cdktf.Providers.Aws.VpcSecurityGroupIngressRule;

namespace StudentRecords.Synth.Constructs.Network;

/// <summary>
/// Private endpoints for what a Fargate task needs to start without NAT: pull its image (ECR API and
/// registry; layers come through the S3 gateway endpoint), write logs, read its database secret; and ECS
/// Exec's session channels (ssmmessages) for operators.
/// </summary>
public sealed class InterfaceEndpoints : Construct
{
    public static readonly IReadOnlyList<string> Services = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssmmessages"];

    public InterfaceEndpoints(Construct scope, string id, InterfaceEndpointsConfig config) : base(scope, id)
    {
        var group = new SecurityGroup(this, "security-group", new SecurityGroupConfig
        {
            Name = $"{config.Name}-endpoints",
            Description = "HTTPS from the VPC to the interface endpoints",
            VpcId = config.VpcId,
            Tags = new Dictionary<string, string> { ["Name"] = $"{config.Name}-endpoints" },
        });
        new VpcSecurityGroupIngressRule(this, "https-from-vpc", new VpcSecurityGroupIngressRuleConfig
        {
            SecurityGroupId = group.Id,
            Description = "HTTPS from the VPC",
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            CidrIpv4 = config.VpcCidr,
        });
        foreach (var service in Services)
            new VpcEndpoint(this, service, new VpcEndpointConfig
            {
                VpcId = config.VpcId,
                ServiceName = $"com.amazonaws.{config.Region}.{service}",
                VpcEndpointType = "Interface",
                PrivateDnsEnabled = true,
                SubnetIds = [.. config.SubnetIds],
                SecurityGroupIds = [group.Id],
                Tags = new Dictionary<string, string> { ["Name"] = $"{config.Name}-{service}" },
            });
    }
}
