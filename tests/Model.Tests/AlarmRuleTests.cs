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
        Assert.Equal(10, alarms.FailedSignInsPerHour); // "more than 10 failed logins an hour"
    }

    [Fact]
    public void FailedSignInsThresholdDefaultsToTheSeedsKpi()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "  failedSignInsPerHour: 10 ", "  # failedSignInsPerHour left out ");

        Assert.Equal(10, env.Load().Platform.Alarms.FailedSignInsPerHour);
        Assert.Equal(10, AlarmsSpec.DefaultFailedSignInsPerHour);
    }

    [Theory]
    [InlineData("0", "0 would alarm all the time or never")]
    [InlineData("-3", "-3 would alarm all the time or never")]
    [InlineData("many", "'many' is not a whole number")]
    public void FailedSignInsThresholdMustBeAPositiveWholeNumber(string value, string says)
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "failedSignInsPerHour: 10 ", $"failedSignInsPerHour: {value} ");

        var error = ErrorAssert.Reports(env.Errors(), "platform.yaml", "alarms.failedSignInsPerHour", says);
        Assert.Equal(env.LineOf("platform.yaml", $"failedSignInsPerHour: {value}"), error.Line);
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
