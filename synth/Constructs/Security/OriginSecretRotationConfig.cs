using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Constructs.Security;

/// <param name="LoadBalancers">Every load balancer whose listener rule checks the header, by name and region.</param>
/// <param name="DistributionComment">How the function finds the distribution (its comment: the edge stack's prefix).</param>
public sealed record OriginSecretRotationConfig(
    string Name,
    string SecretArn,
    string KmsKeyArn,
    LambdaPackage Package,
    int LogRetentionDays,
    string Partition,
    string AccountId,
    IReadOnlyList<(string Name, string Region)> LoadBalancers,
    string DistributionComment);
