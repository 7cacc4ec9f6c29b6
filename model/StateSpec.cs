namespace StudentRecords.Model;

/// <summary>Where Terraform keeps state: the bucket and lock table the state stack creates and every other stack uses.</summary>
public sealed record StateSpec(string Bucket, string LockTable, int NoncurrentVersionDays);
