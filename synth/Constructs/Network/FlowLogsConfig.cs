namespace StudentRecords.Synth.Constructs.Network;

public sealed record FlowLogsConfig(string Name, string VpcId, string KmsKeyArn, int RetentionDays);
