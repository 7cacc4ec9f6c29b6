namespace StudentRecords.Model.Validation;

/// <summary>Retention values that CloudWatch and S3 accept.</summary>
internal static class StorageRules
{
    public static void Check(EnvironmentFile env)
    {
        if (env.Draft.Storage is not { } storage) return;
        if (!AwsLimits.LogRetentionDays.Contains(storage.LogRetentionDays))
            env.Report("storage.logRetentionDays", $"{storage.LogRetentionDays} is not a CloudWatch Logs retention; valid: {string.Join(", ", AwsLimits.LogRetentionDays)}");
        if (storage.NoncurrentVersionDays < 1)
            env.Report("storage.noncurrentVersionDays", $"{storage.NoncurrentVersionDays}; keep old object versions 1 day or more");
        if (storage.ImagesKept is < 1 or > 1000)
            env.Report("storage.imagesKept", $"{storage.ImagesKept}; keep 1 to 1000 images (rollback needs the previous ones)");
    }
}
