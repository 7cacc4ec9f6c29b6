namespace StudentRecords.Synth.Constructs.Recovery;

public sealed record ReadinessScheduleConfig
{
    public required string Name { get; init; }

    public required string FunctionArn { get; init; }

    public required string KmsKeyArn { get; init; }

    /// <summary>Where the readiness Lambda publishes <see cref="ReadinessSchedule.ReadyMetric"/>.</summary>
    public required string MetricNamespace { get; init; }

    public required string TopicArn { get; init; }
}
