namespace StudentRecords.Synth.Review;

/// <summary>One item of a monthly estimate.</summary>
public sealed record CostLine(string Item, string Basis, decimal Monthly);
