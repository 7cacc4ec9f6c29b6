namespace StudentRecords.Synth.Constructs.Cost;

/// <param name="ActivateCostTag">This stack activates the Environment cost allocation tag for the account (the primary's does).</param>
public sealed record MonthlyBudgetConfig(string Name, string Environment, int MonthlyBudgetUsd, int AlertAboveUsd, string AlertEmail, bool ActivateCostTag);
