namespace StudentRecords.Model;

/// <summary>What each regional environment may cost a month (platform.yaml <c>cost</c>), watched by an AWS Budgets budget.</summary>
/// <param name="MonthlyBudgetUsd">The target: the budget's limit, and what a forecast above it e-mails about (seed: $400).</param>
/// <param name="AlertAboveUsd">Actual spending above this e-mails at once (seed: $500).</param>
public sealed record CostSpec(int MonthlyBudgetUsd = CostSpec.DefaultMonthlyBudgetUsd, int AlertAboveUsd = CostSpec.DefaultAlertAboveUsd)
{
    public const int DefaultMonthlyBudgetUsd = 400;

    public const int DefaultAlertAboveUsd = 500;
}
