using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.Cloudtrail;
using HashiCorp.Cdktf.Providers.Aws.ConfigConfigurationRecorder;
using HashiCorp.Cdktf.Providers.Aws.ConfigConfigurationRecorderStatus;
using HashiCorp.Cdktf.Providers.Aws.ConfigDeliveryChannel;
using HashiCorp.Cdktf.Providers.Aws.GuarddutyDetector;
using HashiCorp.Cdktf.Providers.Aws.SecurityhubAccount;
using HashiCorp.Cdktf.Providers.Aws.SecurityhubStandardsSubscription;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Audit;

/// <summary>
/// Audit and threat detection, each part switchable in platform.yaml: the multi-region CloudTrail trail
/// (log-file validation, KMS), GuardDuty, Security Hub with AWS Foundational Security Best Practices, and
/// an AWS Config recorder delivering to the region's log bucket.
/// </summary>
public sealed class SecurityMonitoring : Construct
{
    private readonly SecurityMonitoringConfig config;

    public SecurityMonitoring(Construct scope, string id, SecurityMonitoringConfig config) : base(scope, id)
    {
        this.config = config;
        if (config.Switches.CloudTrail && config.OwnsTrail) CreateTrail();
        if (config.Switches.GuardDuty)
            new GuarddutyDetector(this, "guardduty", new GuarddutyDetectorConfig { Enable = true, FindingPublishingFrequency = "FIFTEEN_MINUTES" });
        if (config.Switches.SecurityHub) EnableSecurityHub();
        if (config.Switches.Config) RecordConfiguration();
    }

    private void CreateTrail() => new Cloudtrail(this, "trail", new CloudtrailConfig
    {
        Name = $"{config.Name}-trail",
        S3BucketName = config.LogBucketName,
        S3KeyPrefix = "cloudtrail",
        IsMultiRegionTrail = true,
        IncludeGlobalServiceEvents = true,
        EnableLogFileValidation = true,
        KmsKeyId = config.KmsKeyArn,
        // Management events as before, plus every object read and write in the recorded buckets.
        EventSelector = new[]
        {
            new CloudtrailEventSelector
            {
                ReadWriteType = "All",
                IncludeManagementEvents = true,
                DataResource = new[]
                {
                    new CloudtrailEventSelectorDataResource
                    {
                        Type = "AWS::S3::Object",
                        Values = [.. config.RecordedBuckets.Select(bucket => $"arn:{config.Partition}:s3:::{bucket}/")],
                    },
                },
            },
        },
        DependsOn = [config.LogBucketPolicy], // CreateTrail fails with InsufficientS3BucketPolicyException before it
    });

    private void EnableSecurityHub()
    {
        var hub = new SecurityhubAccount(this, "security-hub", new SecurityhubAccountConfig { EnableDefaultStandards = false, AutoEnableControls = true });
        new SecurityhubStandardsSubscription(this, "foundational-best-practices", new SecurityhubStandardsSubscriptionConfig
        {
            StandardsArn = $"arn:{config.Partition}:securityhub:{config.Region}::standards/aws-foundational-security-best-practices/v/1.0.0",
            DependsOn = [hub],
        });
    }

    private void RecordConfiguration()
    {
        // AWS_ConfigRole reads resources but writes nowhere: the delivery channel's bucket write is the role's
        // own, under Config's prefix (else PutDeliveryChannel fails with InsufficientDeliveryPolicyException).
        var bucket = $"arn:{config.Partition}:s3:::{config.LogBucketName}";
        var role = new ServiceRole(this, "config-role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-config",
            Service = "config.amazonaws.com",
            Statements = [
                PolicyStatements.Allow("ChecksLogBucket", ["s3:GetBucketAcl"], [bucket]),
                PolicyStatements.Allow("DeliversConfiguration", ["s3:PutObject"], [$"{bucket}/config/AWSLogs/*"]),
            ],
            ManagedPolicyArns = [$"arn:{config.Partition}:iam::aws:policy/service-role/AWS_ConfigRole"]
        });
        var recorder = new ConfigConfigurationRecorder(this, "config-recorder", new ConfigConfigurationRecorderConfig
        {
            Name = config.Name,
            RoleArn = role.Arn,
            // Global resources (IAM) are recorded once, by the primary, as AWS recommends.
            RecordingGroup = new ConfigConfigurationRecorderRecordingGroup { AllSupported = true, IncludeGlobalResourceTypes = config.OwnsTrail },
        });
        var channel = new ConfigDeliveryChannel(this, "config-delivery", new ConfigDeliveryChannelConfig
        {
            Name = config.Name,
            S3BucketName = config.LogBucketName,
            S3KeyPrefix = "config",
            DependsOn = [recorder, config.LogBucketPolicy],
        });
        new ConfigConfigurationRecorderStatus(this, "config-recorder-status", new ConfigConfigurationRecorderStatusConfig
        {
            Name = recorder.Name,
            IsEnabled = true,
            DependsOn = new ITerraformDependable[] { channel },
        });
    }
}
