namespace StudentRecords.Synth.Constructs.Observability;

public sealed record EncryptedLogGroupConfig
{
    public required string Name { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int RetentionDays { get; init; }
}
