namespace StudentRecords.Model.Tests;

public sealed class RegionRuleTests
{
    [Fact]
    public void RegionMustExist()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "region: eu-west-1", "region: eu-west-9");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "region", "'eu-west-9' is not an AWS region");
    }

    [Fact]
    public void ZonesMustBelongToTheRegion()
    {
        using var env = new EnvironmentFolder();
        env.Replace("production.yaml", "[eu-central-1a, eu-central-1b]", "[eu-central-1a, eu-west-1b]");

        ErrorAssert.Reports(env.Errors(), "production.yaml", "availabilityZones[1]", "'eu-west-1b' is not a zone of eu-central-1");
    }

    [Fact]
    public void StandbyMustBeInAnotherRegion()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "region: eu-west-1", "region: eu-central-1")
            .Replace("dr.yaml", "[eu-west-1a, eu-west-1b]", "[eu-central-1a, eu-central-1b]");

        ErrorAssert.Reports(env.Errors(), "dr.yaml", "region", "is also the region of");
    }
}
