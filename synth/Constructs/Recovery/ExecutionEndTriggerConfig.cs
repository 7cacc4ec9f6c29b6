namespace StudentRecords.Synth.Constructs.Recovery;

public sealed record ExecutionEndTriggerConfig
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> StateMachineArns { get; init; }

    public required string FunctionName { get; init; }

    public required string FunctionArn { get; init; }
}
