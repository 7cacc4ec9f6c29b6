namespace StudentRecords.Synth.Constructs.Edge;

public sealed record WebFirewallConfig
{
    public required string Name { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int LogRetentionDays { get; init; }

    /// <summary>Per client IP; above it the IP is blocked until it slows down.</summary>
    public required int RequestsPerFiveMinutes { get; init; }
}
