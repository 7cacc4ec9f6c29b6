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

        Assert.Equal(new RecoverySpec { AutomaticFailover = false }, recovery);
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

    [Fact]
    public void TheSeedsSettingsMeetItsObjectives()
    {
        var platform = ModelLoader.Load(RepositoryPaths.Environments).Platform;
        var budget = RecoveryBudget.For(platform);

        Assert.Equal((20, 3), (platform.Recovery.RtoMinutes, platform.Recovery.RpoMinutes)); // seed: RTO 15-20 min, RPO 1-3 min
        // Alarm 60 + 60 s, the longer of the two 10-minute waits, 30 s of workflow, 3 × 10 s of health checks, a 60 s TTL.
        Assert.Equal(120 + 600 + 30 + 30 + 60, budget.RecoverySeconds);
        Assert.True(budget.MeetsRto);
        Assert.Equal(30, budget.DataLossSeconds); // alarms.replicationLagSeconds
        Assert.True(budget.MeetsRpo);
    }

    [Fact]
    public void AnApprovalCountsItsWholeWaitAgainstTheObjectiveAndTheErrorShowsTheBudgetLineByLine()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "approval: false", "approval: true");

        var error = ErrorAssert.Reports(env.Errors(), "platform.yaml", "recovery.rtoMinutes", "the model recovers in up to 4440 s, more than the 20 min objective");
        Assert.Contains("3600 s  approve the promotion (recovery.approvalWaitMinutes", error.Message);
        Assert.Contains("  600 s  promote the database", error.Message);
        Assert.Contains("shorten a wait", error.Message);
    }

    [Fact]
    public void AReplicationLagAlarmAboveTheRpoFailsValidation()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "replicationLagSeconds: 30", "replicationLagSeconds: 240");

        ErrorAssert.Reports(env.Errors(), "platform.yaml", "recovery.rpoMinutes", "may lose up to 240 s of writes, more than the 3 min objective");
    }

    [Fact]
    public void TheLongerWaitIsTheOneThatCountsSinceTheyRunSideBySide()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "serviceWaitMinutes: 10", "serviceWaitMinutes: 14");

        var budget = RecoveryBudget.For(env.Load().Platform);
        Assert.Equal(120 + 14 * 60 + 30 + 30 + 60, budget.RecoverySeconds);
        Assert.Contains(budget.RecoveryLines, l => l.Step.StartsWith("start the standby's tasks", StringComparison.Ordinal));
    }
}
