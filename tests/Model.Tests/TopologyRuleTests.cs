namespace StudentRecords.Model.Tests;

public sealed class TopologyRuleTests
{
    [Fact]
    public void ExactlyOnePrimary()
    {
        using var env = new EnvironmentFolder();
        env.Replace("dr.yaml", "role: standby", "role: primary");

        var errors = env.Errors();

        Assert.Contains(errors, e => e.Message.Contains("2 environments have role primary"));
        Assert.Contains(errors, e => e.Message.Contains("no environment has role standby"));
    }

    [Fact]
    public void AtLeastOneStandby()
    {
        using var env = new EnvironmentFolder();
        env.Delete("dr.yaml");

        Assert.Contains(env.Errors(), e => e.Message.Contains("no environment has role standby"));
    }

    [Fact]
    public void EnvironmentNameComesFromAUsableFileName()
    {
        using var env = new EnvironmentFolder();
        env.Write("Bad_Name.yaml", "role: standby\n");

        ErrorAssert.Reports(env.Errors(), "Bad_Name.yaml", "", "not a usable environment name");
    }
}
