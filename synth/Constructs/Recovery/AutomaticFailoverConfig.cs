namespace StudentRecords.Synth.Constructs.Recovery;

public sealed record AutomaticFailoverConfig
{
    public required string Name { get; init; }

    public required string PrimaryRegion { get; init; }

    public required string StandbyRegion { get; init; }

    /// <summary>The primary's composite "unhealthy" alarm.</summary>
    public required string PrimaryAlarmName { get; init; }

    public required string StateMachineArn { get; init; }

    public required string AccountId { get; init; }

    public required string Partition { get; init; }

    /// <summary>Where the trigger says so when the failover did not start.</summary>
    public required string TopicArn { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int LogRetentionDays { get; init; }
}
