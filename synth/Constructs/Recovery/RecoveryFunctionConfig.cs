using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="Handler">The export of synth/Lambda/recovery/index.mjs that this function runs.</param>
/// <param name="Package">The recovery code (synth/Lambda/recovery, copied beside the synth app), zipped.</param>
/// <param name="Environment">Its settings, read by the handler's settingsFrom().</param>
/// <param name="Permissions">What it may do, each on named resources (see Recovery in RegionalStack).</param>
public sealed record RecoveryFunctionConfig(
    string Name,
    string Handler,
    string Description,
    LambdaPackage Package,
    string KmsKeyArn,
    int LogRetentionDays,
    string Partition,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument.DataAwsIamPolicyDocumentStatement> Permissions);
