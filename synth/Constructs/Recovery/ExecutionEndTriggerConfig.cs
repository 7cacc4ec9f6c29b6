namespace StudentRecords.Synth.Constructs.Recovery;

public sealed record ExecutionEndTriggerConfig(string Name, IReadOnlyList<string> StateMachineArns, string FunctionName, string FunctionArn);
