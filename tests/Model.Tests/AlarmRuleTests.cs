namespace StudentRecords.Model.Tests;

public sealed class AlarmRuleTests
{
    [Fact]
    public void CommittedThresholdsAreTheSeeds()
    {
        var alarms = ModelLoader.Load(RepositoryPaths.Environments).Platform.Alarms;

        Assert.Equal(10, alarms.Alb5xxPerMinute);
        Assert.Equal(1, alarms.UnhealthyHosts);
        Assert.Equal(80, alarms.ServiceCpuPercent);
        Assert.Equal(90, alarms.ConnectionsPercent);
        Assert.Equal(30, alarms.ReplicationLagSeconds);
    }

    [Fact]
    public void PercentagesMustBePercentages()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "connectionsPercent: 90", "connectionsPercent: 190");

        ErrorAssert.Reports(env.Errors(), "platform.yaml", "alarms.connectionsPercent", "190% is not a percentage");
    }

    [Fact]
    public void ResponseTimeMustBeANumberOfSeconds()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "responseTimeSeconds: 1.5", "responseTimeSeconds: fast");

        ErrorAssert.Reports(env.Errors(), "platform.yaml", "alarms.responseTimeSeconds", "'fast' is not a number");
    }
}
