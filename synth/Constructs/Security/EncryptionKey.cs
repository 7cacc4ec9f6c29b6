using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.KmsAlias;
using HashiCorp.Cdktf.Providers.Aws.KmsKey;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>A customer-managed KMS key with yearly rotation, a key policy and an alias.</summary>
public sealed class EncryptionKey : Construct
{
    public EncryptionKey(Construct scope, string id, EncryptionKeyConfig config) : base(scope, id)
    {
        // The account statement is AWS's default key policy: it lets IAM policies (named roles,
        // least privilege) grant use of the key instead of listing every principal here.
        var policy = new DataAwsIamPolicyDocument(this, "policy", new DataAwsIamPolicyDocumentConfig
        {
            Provider = config.Provider,
            Statement = (DataAwsIamPolicyDocumentStatement[])
            [
                PolicyStatements.AllowPrincipal("AccountAdministers", "AWS", [config.AdministratorPrincipal], ["kms:*"], ["*"]),
                .. config.ServiceStatements ?? [],
            ],
        });
        var key = new KmsKey(this, "key", new KmsKeyConfig
        {
            Provider = config.Provider,
            Region = config.Region,
            Description = config.Description,
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Policy = policy.Json,
        });
        new KmsAlias(this, "alias", new KmsAliasConfig
        {
            Provider = config.Provider,
            Region = config.Region,
            Name = $"alias/{config.Alias}",
            TargetKeyId = key.KeyId,
        });
        Arn = key.Arn;
    }

    public string Arn { get; }
}
