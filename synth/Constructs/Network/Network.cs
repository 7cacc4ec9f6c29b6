using Constructs;
using HashiCorp.Cdktf.Providers.Aws.Vpc;

namespace StudentRecords.Synth.Constructs.Network;

/// <summary>The environment's VPC. Subnets, gateways, routes and flow logs follow in the regional-infrastructure work.</summary>
public sealed class Network : Construct
{
    public Network(Construct scope, string id, NetworkConfig config) : base(scope, id)
    {
        var vpc = new Vpc(this, "vpc", new VpcConfig
        {
            CidrBlock = config.Spec.VpcCidr,
            EnableDnsSupport = true,
            EnableDnsHostnames = true, // interface endpoints and Aurora endpoints resolve through VPC DNS
            Tags = new Dictionary<string, string> { ["Name"] = $"{config.Name}-vpc" },
        });
        VpcId = vpc.Id;
    }

    public string VpcId { get; }
}
