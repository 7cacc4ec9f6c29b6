using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsEc2ManagedPrefixList;
using HashiCorp.Cdktf.Providers.Aws.SecurityGroup;
using HashiCorp.Cdktf.Providers.Aws.VpcSecurityGroupEgressRule;
using HashiCorp.Cdktf.Providers.Aws.VpcSecurityGroupIngressRule;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>
/// Who may talk to whom: CloudFront → load balancer → service → database, one port each, every rule
/// its own resource (inline rules hide open ports from Checkov). Nothing accepts 0.0.0.0/0.
/// </summary>
public sealed class SecurityGroups : Construct
{
    public const int MySqlPort = 3306;
    private readonly SecurityGroupsConfig config;

    public SecurityGroups(Construct scope, string id, SecurityGroupsConfig config) : base(scope, id)
    {
        this.config = config;
        var loadBalancer = Group("alb", "Load balancer: the listener port from CloudFront only");
        var service = Group("service", "ECS tasks: the app port from the load balancer only");
        var database = Group("database", "Aurora: MySQL from the service only");

        // AWS's list of CloudFront's origin-facing addresses. It counts as ~55 rules against the group's
        // limit of 60, so it is referenced once: CloudFront reaches the origin on the listener port only.
        var cloudFront = new DataAwsEc2ManagedPrefixList(this, "cloudfront", new DataAwsEc2ManagedPrefixListConfig
        {
            Name = "com.amazonaws.global.cloudfront.origin-facing",
        });
        Ingress(loadBalancer, "from-cloudfront", config.ListenerPort, prefixList: cloudFront.Id);
        Egress(loadBalancer, "to-service", config.ContainerPort, group: service.Id);

        Ingress(service, "from-alb", config.ContainerPort, group: loadBalancer.Id);
        Egress(service, "to-database", MySqlPort, group: database.Id);
        // ECR, CloudWatch Logs and Secrets Manager over HTTPS, through NAT or the interface endpoints.
        Egress(service, "to-aws-apis", 443, cidr: "0.0.0.0/0");

        Ingress(database, "from-service", MySqlPort, group: service.Id);

        LoadBalancerGroupId = loadBalancer.Id;
        ServiceGroupId = service.Id;
        DatabaseGroupId = database.Id;
    }

    public string LoadBalancerGroupId { get; }

    public string ServiceGroupId { get; }

    public string DatabaseGroupId { get; }

    private SecurityGroup Group(string purpose, string description) => new(this, purpose, new SecurityGroupConfig
    {
        Name = $"{config.Name}-{purpose}",
        Description = description,
        VpcId = config.VpcId,
        Tags = new Dictionary<string, string> { ["Name"] = $"{config.Name}-{purpose}" },
    });

    private void Ingress(SecurityGroup to, string id, int port, string? group = null, string? prefixList = null) =>
        new VpcSecurityGroupIngressRule(this, $"{to.Node.Id}-{id}", new VpcSecurityGroupIngressRuleConfig
        {
            SecurityGroupId = to.Id,
            Description = $"{id.Replace('-', ' ')} on {port}",
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            ReferencedSecurityGroupId = group,
            PrefixListId = prefixList,
        });

    private void Egress(SecurityGroup from, string id, int port, string? group = null, string? cidr = null) =>
        new VpcSecurityGroupEgressRule(this, $"{from.Node.Id}-{id}", new VpcSecurityGroupEgressRuleConfig
        {
            SecurityGroupId = from.Id,
            Description = $"{id.Replace('-', ' ')} on {port}",
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            ReferencedSecurityGroupId = group,
            CidrIpv4 = cidr,
        });
}
