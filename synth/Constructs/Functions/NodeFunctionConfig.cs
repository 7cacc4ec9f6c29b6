using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Functions;

/// <param name="Handler">The export of the package's index.mjs that this function runs.</param>
/// <param name="Package">A folder of synth/Lambda (copied beside the synth app), zipped.</param>
/// <param name="Environment">Its settings, read by the handler's settingsFrom().</param>
/// <param name="Permissions">What it may do, each on named resources .</param>
public sealed record NodeFunctionConfig(
    string Name,
    string Handler,
    string Description,
    LambdaPackage Package,
    string KmsKeyArn,
    int LogRetentionDays,
    string Partition,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument.DataAwsIamPolicyDocumentStatement> Permissions);
