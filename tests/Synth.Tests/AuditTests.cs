namespace StudentRecords.Synth.Tests;

/// <summary>The seed's security layer, switchable in platform.yaml.</summary>
[Collection(SynthCollection.Name)]
public sealed class AuditTests(SynthesizedPlatform platform)
{
    [Fact]
    public void TheTrailRecordsEveryReadAndWriteOfTerraformStateAndItsReplica()
    {
        var trail = platform.Stack("production").Resource("aws_cloudtrail");
        var buckets = platform.Stack("state").Resources("aws_s3_bucket").Select(b => (string)b["bucket"]!).Order(StringComparer.Ordinal).ToList();

        var selector = Assert.Single(trail["event_selector"]!.AsArray())!;
        Assert.Equal("All", (string?)selector["read_write_type"]);
        Assert.True((bool?)selector["include_management_events"]);
        var data = Assert.Single(selector["data_resource"]!.AsArray())!;
        Assert.Equal("AWS::S3::Object", (string?)data["type"]);
        Assert.Equal(buckets.Select(b => $":s3:::{b}/"), data["values"]!.AsArray().Select(v => ((string)v!)[((string)v!).IndexOf(":s3:::", StringComparison.Ordinal)..]));
    }

    [Fact]
    public void OneMultiRegionTrailFromThePrimaryWithValidationAndKmsIntoItsLogBucket()
    {
        var production = platform.Stack("production");
        var trail = production.Resource("aws_cloudtrail");

        Assert.True((bool?)trail["is_multi_region_trail"]);
        Assert.True((bool?)trail["enable_log_file_validation"]);
        Assert.True((bool?)trail["include_global_service_events"]);
        Assert.StartsWith("${aws_kms_key.", (string?)trail["kms_key_id"]);
        Assert.Equal("student-record-system-production-logs", (string?)production.Referenced((string)trail["s3_bucket_name"]!)["bucket"]);
        Assert.Empty(platform.Stack("dr").Resources("aws_cloudtrail"));
    }

    [Theory]
    [InlineData("production", true)]
    [InlineData("dr", false)]
    public void EveryRegionRunsGuardDutySecurityHubAndConfig(string stack, bool recordsGlobalResources)
    {
        var json = platform.Stack(stack);

        Assert.True((bool?)json.Resource("aws_guardduty_detector")["enable"]);
        Assert.Contains("standards/aws-foundational-security-best-practices/v/1.0.0", (string?)json.Resource("aws_securityhub_standards_subscription")["standards_arn"]);
        Assert.Equal(recordsGlobalResources, (bool?)json.Resource("aws_config_configuration_recorder")["recording_group"]!["include_global_resource_types"]);
        Assert.True((bool?)json.Resource("aws_config_configuration_recorder_status")["is_enabled"]);
        Assert.Equal("config", (string?)json.Resource("aws_config_delivery_channel")["s3_key_prefix"]);
    }

    [Fact]
    public void SwitchedOffTheyAreNotCreatedAndTheLogBucketGrantsNothingForThem()
    {
        var stacks = PlatformVariant.Synthesize(env => env
            .Replace("platform.yaml", "cloudTrail: true", "cloudTrail: false")
            .Replace("platform.yaml", "guardDuty: true", "guardDuty: false")
            .Replace("platform.yaml", "securityHub: true", "securityHub: false")
            .Replace("platform.yaml", "config: true", "config: false"));

        foreach (var stack in new[] { "production", "dr" })
        {
            var json = stacks[stack];
            Assert.Empty(json.Resources("aws_cloudtrail"));
            Assert.Empty(json.Resources("aws_guardduty_detector"));
            Assert.Empty(json.Resources("aws_securityhub_account"));
            Assert.Empty(json.Resources("aws_config_configuration_recorder"));
            Assert.DoesNotContain(json.DataSources("aws_iam_policy_document"), d => d.ToJsonString().Contains("cloudtrail.amazonaws.com") || d.ToJsonString().Contains("config.amazonaws.com"));
        }
    }
}
