using HashiCorp.Cdktf;

namespace StudentRecords.Synth.Constructs.Storage;

/// <param name="NoncurrentVersionDays">How long replaced or deleted object versions are kept.</param>
/// <param name="Provider">The region's provider when it is not the stack's default.</param>
public sealed record SecureBucketConfig(string Name, string KmsKeyArn, int NoncurrentVersionDays, TerraformProvider? Provider = null);
