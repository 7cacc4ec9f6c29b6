using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Service;

/// <param name="Image">Repository URL and tag, <c>{url}:{tag}</c>.</param>
/// <param name="AssignPublicIp">Tasks in public subnets reach AWS APIs through their own public IP.</param>
/// <param name="SingleSignOn">The institution's OpenID Connect provider, when the model configures one.</param>
/// <param name="TargetGroupRouting">The listener and rules that forward to <paramref name="TargetGroupArn"/>: ECS refuses
/// a service whose target group no load balancer uses yet, so the service is created after them.</param>
public sealed record AppServiceConfig(
    string Name,
    string Region,
    ServiceSpec Spec,
    string Image,
    string RepositoryArn,
    IReadOnlyList<string> SubnetIds,
    string SecurityGroupId,
    bool AssignPublicIp,
    string TargetGroupArn,
    DatabaseConnection Database,
    string AssetsBucketArn,
    string AssetsBucketName,
    string KmsKeyArn,
    int LogRetentionDays,
    SingleSignOn? SingleSignOn,
    IReadOnlyList<HashiCorp.Cdktf.ITerraformDependable> TargetGroupRouting);
