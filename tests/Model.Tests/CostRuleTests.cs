namespace StudentRecords.Model.Tests;

public sealed class CostRuleTests
{
    [Fact]
    public void LeftOutTheBudgetIsTheSeeds()
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", "cost:                          #", "# cost:").Replace("platform.yaml", "  monthlyBudgetUsd: 400", "#").Replace("platform.yaml", "  alertAboveUsd: 500", "#");

        Assert.Equal(new CostSpec(400, 500), env.Load().Platform.Cost);
    }

    [Theory]
    [InlineData("monthlyBudgetUsd: 400", "monthlyBudgetUsd: 0", "cost.monthlyBudgetUsd", "$0; a budget is $1 or more")]
    [InlineData("alertAboveUsd: 500", "alertAboveUsd: 300", "cost.alertAboveUsd", "$300 is below the $400 budget")]
    [InlineData("monthlyBudgetUsd: 400", "monthlyBudgetUsd: lots", "cost.monthlyBudgetUsd", "'lots' is not a whole number")]
    public void BadBudgetsAreReportedWithTheirPath(string from, string to, string path, string says)
    {
        using var env = new EnvironmentFolder();
        env.Replace("platform.yaml", from, to);

        ErrorAssert.Reports(env.Errors(), "platform.yaml", path, says);
    }
}
