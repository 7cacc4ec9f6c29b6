using StudentRecords.Synth.Review;

namespace StudentRecords.Synth.Tests;

/// <summary>Each regional environment's spending is watched by a budget from platform.yaml's cost section.</summary>
[Collection(SynthCollection.Name)]
public sealed class BudgetTests(SynthesizedPlatform platform)
{
    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void ABudgetPerEnvironmentCountsItsTagAndMailsAForecastAboveTheTargetAndSpendingAboveTheAlertLine(string stack)
    {
        var budget = platform.Stack(stack).Resource("aws_budgets_budget");
        var cost = platform.Model.Platform.Cost;

        Assert.Equal((400, 500), (cost.MonthlyBudgetUsd, cost.AlertAboveUsd)); // the seed's target and alert line
        Assert.Equal("COST", (string?)budget["budget_type"]);
        Assert.Equal("MONTHLY", (string?)budget["time_unit"]);
        Assert.Equal(cost.MonthlyBudgetUsd.ToString(), (string?)budget["limit_amount"]);
        Assert.Equal($"user:Environment${stack}", (string?)budget["cost_filter"]![0]!["values"]![0]);
        Assert.Equal(stack, (string?)platform.Stack(stack).Providers.Single(p => p["alias"] is null)["default_tags"]![0]!["tags"]!["Environment"]);
        var notices = budget["notification"]!.AsArray().Select(n => ((string)n!["notification_type"]!, (string)n["threshold_type"]!, (double)n["threshold"]!)).ToList();
        Assert.Equal([("FORECASTED", "PERCENTAGE", 100.0), ("ACTUAL", "ABSOLUTE_VALUE", cost.AlertAboveUsd)], notices);
        Assert.All(budget["notification"]!.AsArray(), n => Assert.Equal(platform.Model.Platform.Alerts.Email, (string?)n!["subscriber_email_addresses"]![0]));
    }

    [Fact]
    public void TheEnvironmentTagIsActivatedForCostAllocationOnceForTheAccount()
    {
        Assert.Equal("Environment", (string?)platform.Stack("production").Resource("aws_ce_cost_allocation_tag")["tag_key"]);
        Assert.Empty(platform.Stack("dr").Resources("aws_ce_cost_allocation_tag"));
    }

    [Fact]
    public void TheCostEstimateShowsEachEnvironmentsBudgetBesideItsTotal()
    {
        var text = CostEstimate.Render(CostEstimate.For(platform.Model), platform.Model.Platform.Cost);
        var production = text[text.IndexOf("\nproduction", StringComparison.Ordinal)..];

        Assert.Matches(@"total\s+\d+\.\d\d\n  budget\s+alert above 500(, over the target)?\s+400\.00", production);
        Assert.DoesNotContain("budget", text[text.IndexOf("\nglobal", StringComparison.Ordinal)..text.IndexOf("\nproduction", StringComparison.Ordinal)]);
    }
}
