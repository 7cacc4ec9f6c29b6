using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Security;

public sealed record OriginSecretRotationConfig
{
    public required string Name { get; init; }

    public required string SecretArn { get; init; }

    public required string KmsKeyArn { get; init; }

    public required LambdaPackage Package { get; init; }

    public required int LogRetentionDays { get; init; }

    public required string Partition { get; init; }

    public required string AccountId { get; init; }

    /// <summary>Every load balancer whose listener rule checks the header, by name and region.</summary>
    public required IReadOnlyList<(string Name, string Region)> LoadBalancers { get; init; }

    /// <summary>How the function finds the distribution (its comment: the edge stack's prefix).</summary>
    public required string DistributionComment { get; init; }
}
