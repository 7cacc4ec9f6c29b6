using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="Package">The readiness code (synth/Lambda/readiness, copied beside the synth app), zipped.</param>
/// <param name="Environment">Its settings, read by settingsFrom() in readiness.mjs.</param>
/// <param name="Permissions">What it may do, each on named resources (see Recovery in RegionalStack).</param>
public sealed record ReadinessFunctionConfig(
    string Name,
    LambdaPackage Package,
    string KmsKeyArn,
    int LogRetentionDays,
    string Partition,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument.DataAwsIamPolicyDocumentStatement> Permissions);
