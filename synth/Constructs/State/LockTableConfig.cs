namespace StudentRecords.Synth.Constructs.State;

public sealed record LockTableConfig(string Name, string KmsKeyArn);
