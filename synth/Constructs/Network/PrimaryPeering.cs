using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsRouteTables;
using HashiCorp.Cdktf.Providers.Aws.DataAwsVpc;
using HashiCorp.Cdktf.Providers.Aws.Route;
using HashiCorp.Cdktf.Providers.Aws.VpcPeeringConnection;
using HashiCorp.Cdktf.Providers.Aws.VpcPeeringConnectionAccepter;

namespace StudentRecords.Synth.Constructs.Network;

/// <summary>
/// Cross-region peering from a standby's VPC to the primary's, requested and accepted by the standby's
/// stack (applied after the primary's), with routes both ways through the private route tables. The
/// primary's VPC and tables are found by their Name tags in the primary region.
/// </summary>
public sealed class PrimaryPeering : Construct
{
    public PrimaryPeering(Construct scope, string id, PrimaryPeeringConfig config) : base(scope, id)
    {
        var primaryVpc = new DataAwsVpc(this, "primary-vpc", new DataAwsVpcConfig
        {
            Region = config.PrimaryRegion,
            CidrBlock = config.PrimaryVpcCidr,
            Tags = new Dictionary<string, string> { ["Name"] = $"{config.PrimaryName}-vpc" },
        });
        var peering = new VpcPeeringConnection(this, "peering", new VpcPeeringConnectionConfig
        {
            VpcId = config.VpcId,
            PeerVpcId = primaryVpc.Id,
            PeerRegion = config.PrimaryRegion,
            AutoAccept = false, // cross-region: the other side accepts
            Tags = new Dictionary<string, string> { ["Name"] = $"{config.Name}-to-{config.PrimaryName}" },
        });
        new VpcPeeringConnectionAccepterA(this, "accepter", new VpcPeeringConnectionAccepterAConfig
        {
            Region = config.PrimaryRegion,
            VpcPeeringConnectionId = peering.Id,
            AutoAccept = true,
            Tags = new Dictionary<string, string> { ["Name"] = $"{config.PrimaryName}-from-{config.Name}" },
        });
        for (var i = 0; i < config.PrivateRouteTableIds.Count; i++)
            new Route(this, $"to-primary-{i}", new RouteConfig
            {
                RouteTableId = config.PrivateRouteTableIds[i],
                DestinationCidrBlock = config.PrimaryVpcCidr,
                VpcPeeringConnectionId = peering.Id,
            });

        var primaryTables = new DataAwsRouteTables(this, "primary-private-tables", new DataAwsRouteTablesConfig
        {
            Region = config.PrimaryRegion,
            VpcId = primaryVpc.Id,
            Filter = new[] { new DataAwsRouteTablesFilter { Name = "tag:Name", Values = [$"{config.PrimaryName}-private*"] } },
        });
        var table = TerraformIterator.FromList(primaryTables.Ids); // one route per table, known only at plan time
        new Route(this, "to-standby", new RouteConfig
        {
            ForEach = table,
            Region = config.PrimaryRegion,
            RouteTableId = Token.AsString(table.Value),
            DestinationCidrBlock = config.VpcCidr,
            VpcPeeringConnectionId = peering.Id,
        });
    }
}
