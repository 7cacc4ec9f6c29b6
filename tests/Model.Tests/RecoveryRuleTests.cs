namespace StudentRecords.Model.Tests;

public sealed class RecoveryRuleTests
{
    [Fact]
    public void LeftOutSettingsTakeTheirDefaults()
    {
        using var env = new EnvironmentFolder();
        foreach (var key in new[] { "approval: false", "pollSeconds: 15", "promotionWaitMinutes: 10", "serviceWaitMinutes: 10", "approvalWaitMinutes: 60" })
            env.Replace("platform.yaml", $"  {key} ", $"  # {key} ");

        var recovery = env.Load().Platform.Recovery;

        Assert.Equal(new RecoverySpec(AutomaticFailover: false), recovery);
        Assert.False(recovery.Approval);
        Assert.Equal(15, recovery.PollSeconds);
        Assert.Equal(10, recovery.PromotionWaitMinutes);
    }

    [Fact]
    public void PollsCoverTheWholeWaitRoundedUp() =>
        Assert.Equal([40, 3, 1], new[] { RecoverySpec.Polls(10, 15), RecoverySpec.Polls(1, 25), RecoverySpec.Polls(1, 300) });

    [Theory]
    [InlineData("pollSeconds: 15", "pollSeconds: 2", "recovery.pollSeconds", "2 s; use 5 to 300")]
    [InlineData("promotionWaitMinutes: 10", "promotionWaitMinutes: 0", "recovery.promotionWaitMinutes", "0 min; use 1 to 1440")]
    [InlineData("serviceWaitMinutes: 10", "serviceWaitMinutes: 2000", "recovery.serviceWaitMinutes", "2000 min; use 1 to 1440")]
    [InlineData("approval: false", "approval: sometimes", "recovery.approval", "'sometimes' is not true or false")]
    public void BadSettingsAreReportedWithTheirPath(string from, string to, string path, string says)
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", from, to);

        ErrorAssert.Reports(env.Errors(), "platform.yaml", path, says);
    }
}
