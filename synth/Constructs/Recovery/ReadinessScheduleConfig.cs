namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="MetricNamespace">Where the readiness Lambda publishes <see cref="ReadinessSchedule.ReadyMetric"/>.</param>
public sealed record ReadinessScheduleConfig(string Name, string FunctionArn, string KmsKeyArn, string MetricNamespace, string TopicArn);
