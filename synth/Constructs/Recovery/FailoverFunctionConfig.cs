using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="Package">The orchestrator's code (synth/Lambda/failover, copied beside the synth app), zipped.</param>
/// <param name="Environment">The orchestrator's settings, read by settingsFrom() in orchestrator.mjs.</param>
/// <param name="Permissions">What it may do, each on named resources (see Recovery in RegionalStack).</param>
public sealed record FailoverFunctionConfig(
    string Name,
    LambdaPackage Package,
    string KmsKeyArn,
    int LogRetentionDays,
    string Partition,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument.DataAwsIamPolicyDocumentStatement> Permissions);
