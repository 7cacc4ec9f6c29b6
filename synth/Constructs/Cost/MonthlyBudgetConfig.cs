namespace StudentRecords.Synth.Constructs.Cost;

public sealed record MonthlyBudgetConfig
{
    public required string Name { get; init; }

    public required string Environment { get; init; }

    public required int MonthlyBudgetUsd { get; init; }

    public required int AlertAboveUsd { get; init; }

    public required string AlertEmail { get; init; }

    /// <summary>This stack activates the Environment cost allocation tag for the account (the primary's does).</summary>
    public required bool ActivateCostTag { get; init; }
}
