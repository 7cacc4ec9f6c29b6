using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DefaultSecurityGroup;
using HashiCorp.Cdktf.Providers.Aws.Eip;
using HashiCorp.Cdktf.Providers.Aws.InternetGateway;
using HashiCorp.Cdktf.Providers.Aws.NatGateway;
using HashiCorp.Cdktf.Providers.Aws.Route;
using HashiCorp.Cdktf.Providers.Aws.RouteTable;
using HashiCorp.Cdktf.Providers.Aws.RouteTableAssociation;
using HashiCorp.Cdktf.Providers.Aws.Subnet;
using HashiCorp.Cdktf.Providers.Aws.Vpc;
using HashiCorp.Cdktf.Providers.Aws.VpcEndpoint;
using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Network;

/// <summary>
/// The environment's VPC: a public and a private subnet per AZ, an internet gateway, NAT gateways as the
/// model says (none, one, or one per AZ), route tables, network ACLs, flow logs, a closed default security
/// group and an S3 gateway endpoint. Tasks reach AWS APIs as <see cref="TaskEgress"/> says.
/// </summary>
public sealed class Network : Construct
{
    private readonly NetworkConfig config;
    private readonly Vpc vpc;
    private readonly IReadOnlyList<Subnet> publicSubnets;
    private readonly IReadOnlyList<Subnet> privateSubnets;

    public Network(Construct scope, string id, NetworkConfig config) : base(scope, id)
    {
        this.config = config;
        vpc = CreateVpc();
        CloseDefaultSecurityGroup();
        publicSubnets = CreateSubnets("public", config.Spec.PublicSubnets, mapPublicIp: false);
        privateSubnets = CreateSubnets("private", config.Spec.PrivateSubnets, mapPublicIp: false);
        var internetGateway = new InternetGateway(this, "internet-gateway", new InternetGatewayConfig { VpcId = vpc.Id, Tags = Named("igw") });
        var publicRouteTable = RoutePublicSubnets(internetGateway);
        var natGateways = CreateNatGateways(internetGateway);
        var privateRouteTables = RoutePrivateSubnets(natGateways);
        CreateS3GatewayEndpoint([publicRouteTable, .. privateRouteTables]);
        if (config.Spec.TaskEgress == TaskEgress.VpcEndpoints) CreateInterfaceEndpoints();
        new NetworkAcls(this, "acls", new NetworkAclsConfig
        {
            Name = config.Name,
            VpcId = vpc.Id,
            VpcCidr = config.Spec.VpcCidr,
            PublicSubnets = publicSubnets,
            PrivateSubnets = privateSubnets,
            PeerCidrs = config.PeerCidrs
        });
        PrivateRouteTableIds = [.. privateRouteTables.Select(t => t.Id)];
        if (config.Spec.FlowLogs) new FlowLogs(this, "flow-logs", new FlowLogsConfig
        {
            Name = $"{config.Name}-vpc-flow-logs",
            VpcId = vpc.Id,
            KmsKeyArn = config.KmsKeyArn,
            RetentionDays = config.LogRetentionDays
        });
    }

    public string VpcId => vpc.Id;

    public string VpcCidr => config.Spec.VpcCidr;

    public IReadOnlyList<string> PrivateRouteTableIds { get; }

    public IReadOnlyList<string> PublicSubnetIds => [.. publicSubnets.Select(s => s.Id)];

    public IReadOnlyList<string> PrivateSubnetIds => [.. privateSubnets.Select(s => s.Id)];

    /// <summary>Where ECS tasks run: public subnets only when the model gives tasks public IPs.</summary>
    public IReadOnlyList<string> TaskSubnetIds => config.Spec.TaskEgress == TaskEgress.PublicIp ? PublicSubnetIds : PrivateSubnetIds;

    private Vpc CreateVpc() => new(this, "vpc", new VpcConfig
    {
        CidrBlock = config.Spec.VpcCidr,
        EnableDnsSupport = true,
        EnableDnsHostnames = true, // interface endpoints and Aurora endpoints resolve through VPC DNS
        Tags = Named("vpc"),
    });

    // Adopting the default group with no rules removes AWS's allow-all-within-group rules.
    private void CloseDefaultSecurityGroup() =>
        new DefaultSecurityGroup(this, "default-security-group", new DefaultSecurityGroupConfig { VpcId = vpc.Id, Tags = Named("default-closed") });

    private IReadOnlyList<Subnet> CreateSubnets(string tier, IReadOnlyList<string> cidrs, bool mapPublicIp) =>
        [.. cidrs.Select((cidr, i) => new Subnet(this, $"{tier}-subnet-{i}", new SubnetConfig
        {
            VpcId = vpc.Id,
            CidrBlock = cidr,
            AvailabilityZone = config.AvailabilityZones[i],
            MapPublicIpOnLaunch = mapPublicIp, // tasks that need a public IP ask for one explicitly
            Tags = Named($"{tier}-{config.AvailabilityZones[i]}", ("Tier", tier)),
        }))];

    private RouteTable RoutePublicSubnets(InternetGateway internetGateway)
    {
        var table = new RouteTable(this, "public-route-table", new RouteTableConfig { VpcId = vpc.Id, Tags = Named("public") });
        new Route(this, "public-default-route", new RouteConfig { RouteTableId = table.Id, DestinationCidrBlock = "0.0.0.0/0", GatewayId = internetGateway.Id });
        Associate("public", publicSubnets, _ => table);
        return table;
    }

    private IReadOnlyList<NatGateway> CreateNatGateways(InternetGateway internetGateway)
    {
        var count = config.Spec.NatGateways switch { NatMode.None => 0, NatMode.Single => 1, _ => publicSubnets.Count };
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var zone = config.AvailabilityZones[i];
            var ip = new Eip(this, $"nat-ip-{i}", new EipConfig { Domain = "vpc", Tags = Named($"nat-{zone}") });
            return new NatGateway(this, $"nat-gateway-{i}", new NatGatewayConfig
            {
                AllocationId = ip.AllocationId,
                SubnetId = publicSubnets[i].Id,
                Tags = Named($"nat-{zone}"),
                DependsOn = [internetGateway],
            });
        })];
    }

    /// <summary>One private table per NAT gateway's AZ (so an AZ outage strands no other AZ), else one shared table.</summary>
    private IReadOnlyList<RouteTable> RoutePrivateSubnets(IReadOnlyList<NatGateway> natGateways)
    {
        var tableCount = Math.Max(1, natGateways.Count);
        var tables = Enumerable.Range(0, tableCount).Select(i =>
        {
            var table = new RouteTable(this, $"private-route-table-{i}", new RouteTableConfig
            {
                VpcId = vpc.Id,
                Tags = Named(tableCount == 1 ? "private" : $"private-{config.AvailabilityZones[i]}"),
            });
            if (natGateways.Count > 0)
                new Route(this, $"private-default-route-{i}", new RouteConfig { RouteTableId = table.Id, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = natGateways[i].Id });
            return table;
        }).ToList();
        Associate("private", privateSubnets, i => tables[Math.Min(i, tables.Count - 1)]);
        return tables;
    }

    private void Associate(string tier, IReadOnlyList<Subnet> subnets, Func<int, RouteTable> tableFor)
    {
        for (var i = 0; i < subnets.Count; i++)
            new RouteTableAssociation(this, $"{tier}-route-association-{i}", new RouteTableAssociationConfig { SubnetId = subnets[i].Id, RouteTableId = tableFor(i).Id });
    }

    // Free, and keeps S3 traffic (ECR image layers among it) off the NAT gateways.
    private void CreateS3GatewayEndpoint(IEnumerable<RouteTable> tables) => new VpcEndpoint(this, "s3-endpoint", new VpcEndpointConfig
    {
        VpcId = vpc.Id,
        ServiceName = $"com.amazonaws.{config.Region}.s3",
        VpcEndpointType = "Gateway",
        RouteTableIds = [.. tables.Select(t => t.Id)],
        Tags = Named("s3-endpoint"),
    });

    private void CreateInterfaceEndpoints() =>
        new InterfaceEndpoints(this, "endpoints", new InterfaceEndpointsConfig
        {
            Name = config.Name,
            Region = config.Region,
            VpcId = vpc.Id,
            VpcCidr = config.Spec.VpcCidr,
            SubnetIds = PrivateSubnetIds
        });

    private Dictionary<string, string> Named(string purpose, params (string Key, string Value)[] more)
    {
        var tags = new Dictionary<string, string> { ["Name"] = $"{config.Name}-{purpose}" };
        foreach (var (key, value) in more) tags[key] = value;
        return tags;
    }
}
