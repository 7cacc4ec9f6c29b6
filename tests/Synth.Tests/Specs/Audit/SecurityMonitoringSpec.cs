using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Audit;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>SecurityMonitoring promises a validated, encrypted multi-region trail (from the owner only), GuardDuty, Security Hub's foundational standard and a Config recorder, each only when switched on.</summary>
public sealed class SecurityMonitoringSpec
{
    private static readonly AuditSpec AllOn = new(CloudTrail: true, GuardDuty: true, SecurityHub: true, Config: true);

    private static TerraformJson Monitoring(Func<SecurityMonitoringConfig, SecurityMonitoringConfig>? change = null) =>
        ConstructSpec.Synth(stack =>
        {
            var config = new SecurityMonitoringConfig
            {
                Name = "spec",
                Region = ConstructSpec.Region,
                Switches = AllOn,
                OwnsTrail = true,
                LogBucketName = "spec-logs",
                KmsKeyArn = ConstructSpec.KmsKeyArn,
                Partition = "aws",
                LogBucketPolicy = SpecInputs.LogBucketPolicy(stack),
                RecordedBuckets = ["spec-state"],
            };
            new SecurityMonitoring(stack, "monitoring", change is null ? config : change(config));
        });

    [Fact]
    public void The_trail_covers_every_region_validates_its_files_is_encrypted_and_waits_for_the_bucket_policy()
    {
        var trail = Monitoring().Resource("aws_cloudtrail");
        Assert.Equal("spec-trail", (string?)trail["name"]);
        Assert.Equal("spec-logs", (string?)trail["s3_bucket_name"]);
        Assert.True((bool)trail["is_multi_region_trail"]!);
        Assert.True((bool)trail["include_global_service_events"]!);
        Assert.True((bool)trail["enable_log_file_validation"]!);
        Assert.Equal(ConstructSpec.KmsKeyArn, (string?)trail["kms_key_id"]);
        Assert.Contains(SpecInputs.LogBucketPolicyAddress, SpecInputs.DependsOn(trail));
        var dataResource = trail["event_selector"]![0]!["data_resource"]![0]!;
        Assert.Equal("AWS::S3::Object", (string?)dataResource["type"]);
        Assert.Equal(["arn:aws:s3:::spec-state/"], dataResource["values"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Only_the_trail_owner_runs_the_trail_and_records_global_resources()
    {
        var owner = Monitoring();
        Assert.True((bool)owner.Resource("aws_config_configuration_recorder")["recording_group"]!["include_global_resource_types"]!);

        var standby = Monitoring(c => c with { OwnsTrail = false });
        Assert.Empty(standby.Resources("aws_cloudtrail"));
        Assert.False((bool)standby.Resource("aws_config_configuration_recorder")["recording_group"]!["include_global_resource_types"]!);
    }

    [Fact]
    public void Each_part_is_created_only_when_switched_on()
    {
        var none = Monitoring(c => c with { Switches = new AuditSpec(false, false, false, false) });
        foreach (var type in new[] { "aws_cloudtrail", "aws_guardduty_detector", "aws_securityhub_account", "aws_config_configuration_recorder", "aws_iam_role" })
            Assert.Empty(none.Resources(type));

        var guardDutyOnly = Monitoring(c => c with { Switches = new AuditSpec(false, true, false, false) });
        Assert.True((bool)guardDutyOnly.Resource("aws_guardduty_detector")["enable"]!);
        Assert.Empty(guardDutyOnly.Resources("aws_securityhub_account"));
        Assert.Empty(guardDutyOnly.Resources("aws_config_delivery_channel"));
    }

    [Fact]
    public void Security_hub_subscribes_to_foundational_best_practices_of_its_region_and_partition()
    {
        var stack = Monitoring(c => c with { Region = "cn-north-1", Partition = "aws-cn" });
        var hub = stack.Resource("aws_securityhub_account");
        Assert.False((bool)hub["enable_default_standards"]!);
        var subscription = stack.Resource("aws_securityhub_standards_subscription");
        Assert.Equal("arn:aws-cn:securityhub:cn-north-1::standards/aws-foundational-security-best-practices/v/1.0.0", (string?)subscription["standards_arn"]);
        Assert.Contains(SpecInputs.Address(stack, "aws_securityhub_account", hub), SpecInputs.DependsOn(subscription));
    }

    [Fact]
    public void The_config_recorder_runs_as_a_role_only_config_assumes_that_writes_only_under_the_config_prefix()
    {
        var stack = Monitoring();
        var recorder = stack.Resource("aws_config_configuration_recorder");
        var roleArn = (string)recorder["role_arn"]!;
        Assert.Equal(["config.amazonaws.com"], SpecInputs.TrustedServices(stack, roleArn));
        var writes = Assert.Single(SpecInputs.InlineStatements(stack, roleArn), s => s!["actions"]!.AsArray().Any(a => (string?)a == "s3:PutObject"))!;
        Assert.Equal(["arn:aws:s3:::spec-logs/config/AWSLogs/*"], writes["resources"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"], SpecInputs.ManagedPolicies(stack, roleArn));

        var channel = stack.Resource("aws_config_delivery_channel");
        Assert.Equal("spec-logs", (string?)channel["s3_bucket_name"]);
        Assert.Equal("config", (string?)channel["s3_key_prefix"]);
        Assert.Contains(SpecInputs.LogBucketPolicyAddress, SpecInputs.DependsOn(channel));
        var status = stack.Resource("aws_config_configuration_recorder_status");
        Assert.True((bool)status["is_enabled"]!);
        Assert.Single(SpecInputs.DependsOn(status), d => d.StartsWith("aws_config_delivery_channel.", StringComparison.Ordinal));
    }
}
