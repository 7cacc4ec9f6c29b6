namespace StudentRecords.Synth.Constructs.LoadBalancing;

/// <param name="Name">At most 32 characters: AWS's limit for load balancer and target group names.</param>
/// <param name="CertificateArn">HTTPS on 443 with it; without one (no domain), HTTP on 80.</param>
/// <param name="OriginSecret">The value CloudFront sends in the origin header; requests without it are refused.</param>
public sealed record LoadBalancerConfig(
    string Name,
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    int ContainerPort,
    string HealthCheckPath,
    string LogBucketName,
    HashiCorp.Cdktf.ITerraformDependable LogBucketPolicy,
    string? CertificateArn,
    string OriginSecret);
