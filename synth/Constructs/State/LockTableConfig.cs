namespace StudentRecords.Synth.Constructs.State;

public sealed record LockTableConfig
{
    public required string Name { get; init; }

    public required string KmsKeyArn { get; init; }
}
