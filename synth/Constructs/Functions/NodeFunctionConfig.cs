using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Functions;

public sealed record NodeFunctionConfig
{
    public required string Name { get; init; }

    /// <summary>The export of the package's index.mjs that this function runs.</summary>
    public required string Handler { get; init; }

    public required string Description { get; init; }

    /// <summary>A folder of synth/Lambda (copied beside the synth app), zipped.</summary>
    public required LambdaPackage Package { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int LogRetentionDays { get; init; }

    public required string Partition { get; init; }

    /// <summary>Its settings, read by the handler's settingsFrom().</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>What it may do, each on named resources .</summary>
    public required IReadOnlyList<HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument.DataAwsIamPolicyDocumentStatement> Permissions { get; init; }
}
