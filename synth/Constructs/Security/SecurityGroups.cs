using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsEc2ManagedPrefixList;
using HashiCorp.Cdktf.Providers.Aws.SecurityGroup;
using HashiCorp.Cdktf.Providers.Aws.VpcSecurityGroupEgressRule;
using HashiCorp.Cdktf.Providers.Aws.VpcSecurityGroupIngressRule;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>
/// Who may talk to whom: CloudFront (and Route 53's health checkers) → load balancer → service → database,
/// one port each, every rule its own resource (inline rules hide open ports from Checkov). Nothing accepts 0.0.0.0/0.
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

        // Route 53's health checkers, which decide the DNS failover of form posts (with a domain only): their list
        // weighs 25 rules, which CloudFront's 55 leave no room for, so the load balancer carries a second group.
        // The listener forwards them the readiness path only (LoadBalancer); every other path answers 403.
        LoadBalancerGroupIds = config.AdmitRoute53HealthCheckers ? [loadBalancer.Id, HealthCheckersGroup().Id] : [loadBalancer.Id];

        Ingress(service, "from-alb", config.ContainerPort, group: loadBalancer.Id); // the ALB's traffic leaves through all its groups; the first admits it
        Egress(service, "to-database", MySqlPort, group: database.Id);
        // ECR, CloudWatch Logs and Secrets Manager over HTTPS, through NAT or the interface endpoints.
        Egress(service, "to-aws-apis", 443, cidr: "0.0.0.0/0");

        Ingress(database, "from-service", MySqlPort, group: service.Id);

        // AWS's rotation function, in the VPC: it asks Secrets Manager for the secret over HTTPS and changes the
        // password on the database. Only where the primary rotates the master secret.
        if (config.DatabaseRotation)
        {
            var rotation = Group("rotation", "Secret rotation function: MySQL to the database and HTTPS to Secrets Manager only");
            Egress(rotation, "to-database", MySqlPort, group: database.Id);
            Egress(rotation, "to-secrets-manager", 443, cidr: "0.0.0.0/0");
            Ingress(database, "from-rotation", MySqlPort, group: rotation.Id);
            RotationGroupId = rotation.Id;
        }

        ServiceGroupId = service.Id;
        DatabaseGroupId = database.Id;
    }

    /// <summary>The load balancer's groups: from CloudFront (which also reaches the service), and from Route 53's health checkers.</summary>
    public IReadOnlyList<string> LoadBalancerGroupIds { get; }

    public string ServiceGroupId { get; }

    public string DatabaseGroupId { get; }

    /// <summary>The rotation function's group, when the stack rotates the database secret.</summary>
    public string? RotationGroupId { get; }

    private SecurityGroup HealthCheckersGroup()
    {
        var group = Group("alb-health-checks", "Load balancer: the listener port from Route 53 health checkers only");
        var checkers = new DataAwsEc2ManagedPrefixList(this, "route53-health-checks", new DataAwsEc2ManagedPrefixListConfig
        {
            Name = $"com.amazonaws.{config.Region}.route53-healthchecks",
        });
        Ingress(group, "from-route53-health-checkers", config.ListenerPort, prefixList: checkers.Id);
        return group;
    }

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
