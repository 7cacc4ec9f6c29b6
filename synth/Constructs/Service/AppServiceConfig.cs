using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Service;

/// <param name="Image">Repository URL and tag, <c>{url}:{tag}</c>.</param>
/// <param name="AssignPublicIp">Tasks in public subnets reach AWS APIs through their own public IP.</param>
/// <param name="SingleSignOn">The institution's OpenID Connect provider, when the model configures one.</param>
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
    SingleSignOn? SingleSignOn);
