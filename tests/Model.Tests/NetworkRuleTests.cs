namespace StudentRecords.Model.Tests;

public sealed class NetworkRuleTests
{
    [Theory]
    [InlineData("10.2.0.0/33")]
    [InlineData("10.2.0.1/16")]
    [InlineData("10.2.0.0")]
    [InlineData("ten.two/16")]
    public void VpcCidrMustBeValid(string cidr)
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "vpcCidr: 10.2.0.0/16", $"vpcCidr: {cidr}");

        var error = ErrorAssert.Reports(env.Errors(), "production.yaml", "network.vpcCidr", $"'{cidr}' is not a valid IPv4 CIDR block");
        Assert.Equal(env.LineOf("production.yaml", "vpcCidr:"), error.Line);
    }

    [Fact]
    public void VpcPrefixMustBeOneAwsAccepts()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "vpcCidr: 10.3.0.0/16", "vpcCidr: 10.0.0.0/12");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "network.vpcCidr", "AWS accepts VPC blocks from /16 to /28");
    }

    [Fact]
    public void SubnetMustLieInsideTheVpc()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "[10.2.1.0/24, 10.2.2.0/24]", "[10.2.1.0/24, 10.9.2.0/24]");

        var error = ErrorAssert.Reports(env.Errors(), "production.yaml", "network.publicSubnets[1]", "'10.9.2.0/24' is not inside the VPC 10.2.0.0/16");
        Assert.Equal(env.LineOf("production.yaml", "publicSubnets:"), error.Line);
    }

    [Fact]
    public void SubnetsMustNotOverlap()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "[10.2.10.0/24, 10.2.20.0/24]", "[10.2.1.128/25, 10.2.20.0/24]");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "network.privateSubnets[0]", "overlaps network.publicSubnets[0] '10.2.1.0/24'");
    }

    [Fact]
    public void OneSubnetPerTierAndZone()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "[10.3.10.0/24, 10.3.20.0/24]", "[10.3.10.0/24]");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "network.privateSubnets", "has 1 subnet(s) for 2 availability zone(s)");
    }

    [Fact]
    public void EnvironmentVpcsMustNotOverlap()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "vpcCidr: 10.3.0.0/16", "vpcCidr: 10.2.0.0/16")
            .Replace("dr.yaml", "[10.3.1.0/24, 10.3.2.0/24]", "[10.2.1.0/24, 10.2.2.0/24]")
            .Replace("dr.yaml", "[10.3.10.0/24, 10.3.20.0/24]", "[10.2.10.0/24, 10.2.20.0/24]");

        var errors = env.Errors();

        var error = Assert.Single(errors);
        Assert.EndsWith("dr.yaml", error.File);
        Assert.Equal("network.vpcCidr", error.YamlPath);
        Assert.Contains("overlaps", error.Message);
        Assert.Contains("production.yaml", error.Message);
    }

    [Fact]
    public void OnlyAStandbyPeersWithThePrimary()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "peerWithPrimary: false", "peerWithPrimary: true");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "network.peerWithPrimary", "cannot peer with itself");
    }
}
