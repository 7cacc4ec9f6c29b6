using Constructs;
using HashiCorp.Cdktf.Providers.Aws.LambdaPermission;
using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecretRotation;
using StudentRecords.Synth.Constructs.Functions;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>
/// Rotates the origin header's value every <see cref="RotationDays"/> days with
/// synth/Lambda/origin-secret: both load balancers accept the current and the new value before CloudFront
/// sends the new one, and the previous value until the next rotation, so no request is refused in between.
/// </summary>
public sealed class OriginSecretRotation : Construct
{
    /// <summary>Monthly, well within CKV_AWS_304's 90 days; nothing but the two ends ever reads the value.</summary>
    public const int RotationDays = 30;

    public OriginSecretRotation(Construct scope, string id, OriginSecretRotationConfig config) : base(scope, id)
    {
        var arn = (string service, string region, string resource) => $"arn:{config.Partition}:{service}:{region}:{config.AccountId}:{resource}";
        var function = new NodeFunction(this, "function", new NodeFunctionConfig
        {
            Name = $"{config.Name}-origin-secret-rotation",
            Handler = "handler",
            Description = "Rotates the X-Origin-Verify value without a window in which CloudFront and the load balancers disagree (synth/Lambda/origin-secret)",
            Package = config.Package,
            KmsKeyArn = config.KmsKeyArn,
            LogRetentionDays = config.LogRetentionDays,
            Partition = config.Partition,
            Environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["LOAD_BALANCERS"] = string.Join(",", config.LoadBalancers.Select(lb => $"{lb.Name}@{lb.Region}")),
                ["DISTRIBUTION_COMMENT"] = config.DistributionComment,
            },
            Permissions = [
                PolicyStatements.Allow("RotateTheSecret", ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"], [config.SecretArn]),
                PolicyStatements.Allow("UseTheSecretsKey", ["kms:Decrypt", "kms:GenerateDataKey"], [config.KmsKeyArn]),
                PolicyStatements.Allow("GenerateAValueAndFindTheRulesAndTheDistribution",
                    ["secretsmanager:GetRandomPassword", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules", "cloudfront:ListDistributions"], ["*"]),
                PolicyStatements.Allow("AcceptBothValues", ["elasticloadbalancing:ModifyRule"],
                    [.. config.LoadBalancers.Select(lb => arn("elasticloadbalancing", lb.Region, $"listener-rule/app/{lb.Name}/*"))]),
                // Its id is the edge stack's to know; the function finds it by its comment.
                PolicyStatements.Allow("SendTheNewValue", ["cloudfront:GetDistributionConfig", "cloudfront:UpdateDistribution"], [$"arn:{config.Partition}:cloudfront::{config.AccountId}:distribution/*"]),
            ]
        });
        var permission = new LambdaPermission(this, "invoke", new LambdaPermissionConfig
        {
            StatementId = "SecretsManagerRotates",
            Action = "lambda:InvokeFunction",
            FunctionName = function.FunctionName,
            Principal = "secretsmanager.amazonaws.com",
            SourceAccount = config.AccountId,
        });
        new SecretsmanagerSecretRotation(this, "rotation", new SecretsmanagerSecretRotationConfig
        {
            SecretId = config.SecretArn,
            RotationLambdaArn = function.Arn,
            RotationRules = new SecretsmanagerSecretRotationRotationRules { AutomaticallyAfterDays = RotationDays },
            // Not at once: on a first apply the standby's load balancer and the distribution do not exist yet.
            RotateImmediately = false,
            DependsOn = [permission],
        });
    }
}
