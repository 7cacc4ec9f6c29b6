namespace StudentRecords.Synth.Constructs.LoadBalancing;

public sealed record LoadBalancerConfig
{
    /// <summary>At most 32 characters: AWS's limit for load balancer and target group names.</summary>
    public required string Name { get; init; }

    public required string VpcId { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    public required IReadOnlyList<string> SecurityGroupIds { get; init; }

    public required int ContainerPort { get; init; }

    public required string HealthCheckPath { get; init; }

    public required string LogBucketName { get; init; }

    public required HashiCorp.Cdktf.ITerraformDependable LogBucketPolicy { get; init; }

    /// <summary>HTTPS on 443 with it; without one (no domain), HTTP on 80.</summary>
    public required string? CertificateArn { get; init; }

    /// <summary>The value CloudFront sends in the origin header; requests without it are refused.</summary>
    public required string OriginSecret { get; init; }
}
