namespace StudentRecords.Synth.Constructs.Security;

/// <summary>A region a secret is replicated to, and the customer-managed key its replica is encrypted with there.</summary>
public sealed record SecretReplica(string Region, string KmsKeyArn);
