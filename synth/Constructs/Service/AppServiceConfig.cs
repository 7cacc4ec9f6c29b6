using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Service;

public sealed record AppServiceConfig
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required ServiceSpec Spec { get; init; }

    /// <summary>Repository URL and tag, <c>{url}:{tag}</c>.</summary>
    public required string Image { get; init; }

    public required string RepositoryArn { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    public required string SecurityGroupId { get; init; }

    /// <summary>Tasks in public subnets reach AWS APIs through their own public IP.</summary>
    public required bool AssignPublicIp { get; init; }

    public required string TargetGroupArn { get; init; }

    public required DatabaseConnection Database { get; init; }

    public required string AssetsBucketArn { get; init; }

    public required string AssetsBucketName { get; init; }

    public required string KmsKeyArn { get; init; }

    public required int LogRetentionDays { get; init; }

    /// <summary>The institution's OpenID Connect provider, when the model configures one.</summary>
    public required SingleSignOn? SingleSignOn { get; init; }

    /// <summary>The listener and rules that forward to <see cref="TargetGroupArn"/>: ECS refuses
    /// a service whose target group no load balancer uses yet, so the service is created after them.</summary>
    public required IReadOnlyList<HashiCorp.Cdktf.ITerraformDependable> TargetGroupRouting { get; init; }
}
