namespace StudentRecords.Model;

/// <summary>Where Terraform keeps state: the bucket and lock table the state stack creates and every other stack uses.</summary>
/// <param name="SelfStored">
/// False until the state stack's own state has been moved into its bucket (README, "Deploying"); the
/// state stack uses a local backend until then, and its S3 key afterwards.
/// </param>
public sealed record StateSpec(string Bucket, string LockTable, int NoncurrentVersionDays, bool SelfStored);
