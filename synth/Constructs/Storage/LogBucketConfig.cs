namespace StudentRecords.Synth.Constructs.Storage;

public sealed record LogBucketConfig
{
    public required string Name { get; init; }

    public required int RetentionDays { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The primary's multi-region trail delivers here.</summary>
    public bool CloudTrailWrites { get; init; }

    /// <summary>The region's AWS Config delivery channel delivers here.</summary>
    public bool ConfigWrites { get; init; }
}
