using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Security;

public sealed record EncryptionKeyConfig
{
    /// <summary>Key alias without the <c>alias/</c> prefix.</summary>
    public required string Alias { get; init; }

    public required string Description { get; init; }

    /// <summary>Account root ARN: enables IAM policies to grant use of the key.</summary>
    public required string AdministratorPrincipal { get; init; }

    /// <summary>The region's provider when it is not the stack's default.</summary>
    public TerraformProvider? Provider { get; init; }

    /// <summary>Services that cannot use a key through IAM alone (CloudWatch Logs, SNS publishers).</summary>
    public IReadOnlyList<DataAwsIamPolicyDocumentStatement>? ServiceStatements { get; init; }

    /// <summary>Or the region itself, for one key in another region (AWS provider 6's per-resource region).</summary>
    public string? Region { get; init; }
}
