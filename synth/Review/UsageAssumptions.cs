namespace StudentRecords.Synth.Review;

/// <summary>The monthly usage the estimate assumes where the model does not say (a school's records system, modest traffic).</summary>
public static class UsageAssumptions
{
    public const decimal NatProcessedGb = 100;
    public const decimal AlbAverageLcu = 1;
    public const decimal AuroraStorageGb = 20;
    public const decimal AuroraIoMillions = 20;
    public const decimal LogsIngestGb = 5;
    public const decimal S3StoredGb = 10;
    public const decimal CloudFrontGb = 100;
    public const decimal CloudFrontRequestsMillion = 2;
    public const decimal WafRequestsMillion = 2;
}
