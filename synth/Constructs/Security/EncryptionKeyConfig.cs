using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Security;

/// <param name="Alias">Key alias without the <c>alias/</c> prefix.</param>
/// <param name="AdministratorPrincipal">Account root ARN: enables IAM policies to grant use of the key.</param>
/// <param name="ServiceStatements">Services that cannot use a key through IAM alone (CloudWatch Logs, SNS publishers).</param>
/// <param name="Provider">The region's provider when it is not the stack's default.</param>
/// <param name="Region">Or the region itself, for one key in another region (AWS provider 6's per-resource region).</param>
public sealed record EncryptionKeyConfig(
    string Alias,
    string Description,
    string AdministratorPrincipal,
    TerraformProvider? Provider = null,
    IReadOnlyList<DataAwsIamPolicyDocumentStatement>? ServiceStatements = null,
    string? Region = null);
