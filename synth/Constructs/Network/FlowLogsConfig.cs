namespace StudentRecords.Synth.Constructs.Network;

public sealed record FlowLogsConfig
{
    public required string Name { get; init; }

    public required string VpcId { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int RetentionDays { get; init; }
}
