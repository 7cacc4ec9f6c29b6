using System.Globalization;
using Constructs;
using HashiCorp.Cdktf.Providers.Aws.BudgetsBudget;
using HashiCorp.Cdktf.Providers.Aws.CeCostAllocationTag;

namespace StudentRecords.Synth.Constructs.Cost;

/// <summary>
/// An AWS Budgets budget for one environment's monthly cost, counted by its <c>Environment</c> tag (which every
/// resource carries): a forecast above the target and actual spending above the alert line e-mail the alert address.
/// </summary>
public sealed class MonthlyBudget : Construct
{
    public const string CostTag = "Environment";

    public MonthlyBudget(Construct scope, string id, MonthlyBudgetConfig config) : base(scope, id)
    {
        // Budgets can filter only on activated cost allocation tags; the activation is the account's, so one stack owns it.
        if (config.ActivateCostTag)
            new CeCostAllocationTag(this, "cost-tag", new CeCostAllocationTagConfig { TagKey = CostTag, Status = "Active" });
        new BudgetsBudget(this, "budget", new BudgetsBudgetConfig
        {
            Name = $"{config.Name}-monthly",
            BudgetType = "COST",
            LimitAmount = config.MonthlyBudgetUsd.ToString(CultureInfo.InvariantCulture),
            LimitUnit = "USD",
            TimeUnit = "MONTHLY",
            CostFilter = new[] { new BudgetsBudgetCostFilter { Name = "TagKeyValue", Values = [$"user:{CostTag}${config.Environment}"] } },
            Notification = new[]
            {
                new BudgetsBudgetNotification
                {
                    NotificationType = "FORECASTED", ComparisonOperator = "GREATER_THAN", Threshold = 100, ThresholdType = "PERCENTAGE",
                    SubscriberEmailAddresses = [config.AlertEmail],
                },
                new BudgetsBudgetNotification
                {
                    NotificationType = "ACTUAL", ComparisonOperator = "GREATER_THAN", Threshold = config.AlertAboveUsd, ThresholdType = "ABSOLUTE_VALUE",
                    SubscriberEmailAddresses = [config.AlertEmail],
                },
            },
        });
    }
}
