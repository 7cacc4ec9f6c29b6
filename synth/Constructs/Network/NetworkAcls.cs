using Constructs;
using HashiCorp.Cdktf.Providers.Aws.NetworkAcl;
using HashiCorp.Cdktf.Providers.Aws.NetworkAclRule;

namespace StudentRecords.Synth.Constructs.Network;

/// <summary>
/// A stateless second fence per tier, behind the security groups: the public tier admits HTTP(S) and
/// return traffic from the internet; the private tier admits the VPC and return traffic only.
/// </summary>
public sealed class NetworkAcls : Construct
{
    private const string Anywhere = "0.0.0.0/0";

    // Return traffic arrives on ephemeral ports. The range skips 3389 (RDP) so that no rule admits an
    // administration port from the internet, which is also what Checkov's CKV_AWS_231 asks.
    private static readonly (int From, int To)[] EphemeralPorts = [(1024, 3388), (3390, 65535)];

    public NetworkAcls(Construct scope, string id, NetworkAclsConfig config) : base(scope, id)
    {
        var publicAcl = Acl("public", config.VpcId, config.PublicSubnets.Select(s => s.Id), config.Name);
        Allow(publicAcl, 100, "tcp", Anywhere, 443, 443);
        Allow(publicAcl, 110, "tcp", Anywhere, 80, 80); // the listener when the model sets no domain (no certificate, so no HTTPS)
        AllowFromVpcAndReturnTraffic(publicAcl, 200, config.VpcCidr);

        var privateAcl = Acl("private", config.VpcId, config.PrivateSubnets.Select(s => s.Id), config.Name);
        AllowFromVpcAndReturnTraffic(privateAcl, 100, config.VpcCidr);
        for (var i = 0; i < config.PeerCidrs.Count; i++)
            new NetworkAclRule(this, $"private-from-peer-{i}", new NetworkAclRuleConfig
            {
                NetworkAclId = privateAcl.Id,
                RuleNumber = 300 + i,
                Egress = false,
                Protocol = "-1",
                RuleAction = "allow",
                CidrBlock = config.PeerCidrs[i],
            });
    }

    private NetworkAcl Acl(string tier, string vpcId, IEnumerable<string> subnetIds, string name)
    {
        var acl = new NetworkAcl(this, tier, new NetworkAclConfig
        {
            VpcId = vpcId,
            SubnetIds = [.. subnetIds],
            Tags = new Dictionary<string, string> { ["Name"] = $"{name}-{tier}" },
        });
        new NetworkAclRule(this, $"{tier}-egress", new NetworkAclRuleConfig
        {
            NetworkAclId = acl.Id,
            RuleNumber = 100,
            Egress = true,
            Protocol = "-1",
            RuleAction = "allow",
            CidrBlock = Anywhere,
        });
        return acl;
    }

    private void AllowFromVpcAndReturnTraffic(NetworkAcl acl, int firstRule, string vpcCidr)
    {
        new NetworkAclRule(this, $"{acl.Node.Id}-from-vpc", new NetworkAclRuleConfig
        {
            NetworkAclId = acl.Id,
            RuleNumber = firstRule,
            Egress = false,
            Protocol = "-1",
            RuleAction = "allow",
            CidrBlock = vpcCidr,
        });
        for (var i = 0; i < EphemeralPorts.Length; i++)
            Allow(acl, firstRule + 10 * (i + 1), "tcp", Anywhere, EphemeralPorts[i].From, EphemeralPorts[i].To, "return");
    }

    private void Allow(NetworkAcl acl, int rule, string protocol, string cidr, int from, int to, string purpose = "in") =>
        new NetworkAclRule(this, $"{acl.Node.Id}-{purpose}-{from}-{to}", new NetworkAclRuleConfig
        {
            NetworkAclId = acl.Id,
            RuleNumber = rule,
            Egress = false,
            Protocol = protocol,
            RuleAction = "allow",
            CidrBlock = cidr,
            FromPort = from,
            ToPort = to,
        });
}
