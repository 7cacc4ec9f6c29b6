using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecret;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>A region a secret is replicated to, and the customer-managed key its replica is encrypted with there.</summary>
public sealed record SecretReplica(string Region, string KmsKeyArn)
{
    /// <summary>The secret's replica block: every replicated secret names its key.</summary>
    public SecretsmanagerSecretReplica ToBlock() => new() { Region = Region, KmsKeyId = KmsKeyArn };
}
