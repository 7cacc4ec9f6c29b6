using StudentRecords.Synth.Constructs.Cost;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>MonthlyBudget promises a monthly USD budget counted by the environment's tag, e-mailing on a forecast above it and on spending above the alert line.</summary>
public sealed class MonthlyBudgetSpec
{
    private static readonly MonthlyBudgetConfig Production = new()
    {
        Name = "spec-production",
        Environment = "production",
        MonthlyBudgetUsd = 250,
        AlertAboveUsd = 200,
        AlertEmail = "ops@example.org",
        ActivateCostTag = true,
    };

    private static TerraformJson Budget(MonthlyBudgetConfig config) =>
        ConstructSpec.Synth(stack => new MonthlyBudget(stack, "budget", config));

    [Fact]
    public void Counts_the_monthly_cost_of_the_given_environment_by_its_tag_against_the_given_amount()
    {
        var budget = Budget(Production).Resource("aws_budgets_budget");
        Assert.Equal("spec-production-monthly", (string?)budget["name"]);
        Assert.Equal("COST", (string?)budget["budget_type"]);
        Assert.Equal("MONTHLY", (string?)budget["time_unit"]);
        Assert.Equal("250", (string?)budget["limit_amount"]);
        Assert.Equal("USD", (string?)budget["limit_unit"]);
        var filter = Assert.Single(budget["cost_filter"]!.AsArray())!;
        Assert.Equal("TagKeyValue", (string?)filter["name"]);
        Assert.Equal(["user:Environment$production"], filter["values"]!.AsArray().Select(v => (string)v!));

        var dr = Budget(Production with { Environment = "dr", MonthlyBudgetUsd = 1234 }).Resource("aws_budgets_budget");
        Assert.Equal("1234", (string?)dr["limit_amount"]);
        Assert.Equal("user:Environment$dr", (string?)dr["cost_filter"]![0]!["values"]![0]);
    }

    [Fact]
    public void Emails_the_alert_address_on_a_forecast_above_the_budget_and_on_spending_above_the_alert_line()
    {
        var notifications = Budget(Production).Resource("aws_budgets_budget")["notification"]!.AsArray();
        Assert.Equal(2, notifications.Count);
        var forecast = Assert.Single(notifications, n => (string?)n!["notification_type"] == "FORECASTED")!;
        Assert.Equal(100, (int)forecast["threshold"]!);
        Assert.Equal("PERCENTAGE", (string?)forecast["threshold_type"]);
        var actual = Assert.Single(notifications, n => (string?)n!["notification_type"] == "ACTUAL")!;
        Assert.Equal(200, (int)actual["threshold"]!);
        Assert.Equal("ABSOLUTE_VALUE", (string?)actual["threshold_type"]);
        foreach (var notification in notifications)
        {
            Assert.Equal("GREATER_THAN", (string?)notification!["comparison_operator"]);
            Assert.Equal(["ops@example.org"], notification["subscriber_email_addresses"]!.AsArray().Select(a => (string)a!));
        }
    }

    [Fact]
    public void Activates_the_environment_cost_tag_only_when_asked()
    {
        var tag = Budget(Production).Resource("aws_ce_cost_allocation_tag");
        Assert.Equal(MonthlyBudget.CostTag, (string?)tag["tag_key"]);
        Assert.Equal("Active", (string?)tag["status"]);
        Assert.Empty(Budget(Production with { ActivateCostTag = false }).Resources("aws_ce_cost_allocation_tag"));
    }
}
