namespace StudentRecords.Synth.Constructs.Observability;

public sealed record EncryptedLogGroupConfig(string Name, string KmsKeyArn, int RetentionDays);
