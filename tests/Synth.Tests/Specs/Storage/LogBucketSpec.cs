using System.Text.Json.Nodes;
using StudentRecords.Synth.Constructs.Storage;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// LogBucket promises a SecureBucket encrypted with SSE-S3 (AWS delivers ALB and S3 access logs to no other), whose logs expire
/// with the given retention, written by the region's ELB account and S3 logging, and by CloudTrail and Config only when asked.
/// </summary>
public sealed class LogBucketSpec
{
    private static TerraformJson Bucket(LogBucketConfig config) =>
        ConstructSpec.Synth(stack => new LogBucket(stack, "logs", config));

    private static readonly LogBucketConfig Minimal = new()
    {
        Name = "spec-env-logs",
        RetentionDays = 30,
        AccountId = SpecInputs.AccountId,
    };

    private static JsonObject Policy(TerraformJson stack) =>
        Assert.Single(stack.DataSources("aws_iam_policy_document"), d => d["statement"]!.AsArray().Any(s => s!["sid"]?.GetValue<string>() == "AlbWritesAccessLogs"));

    private static IReadOnlyList<string> Sids(TerraformJson stack) =>
        [.. Policy(stack)["statement"]!.AsArray().Select(s => s!["sid"]!.GetValue<string>())];

    [Fact]
    public void Is_encrypted_with_sse_s3_and_expires_logs_after_the_given_days()
    {
        var stack = Bucket(Minimal);
        Assert.Equal("spec-env-logs", stack.Resource("aws_s3_bucket")["bucket"]!.GetValue<string>());
        var encryption = stack.Resource("aws_s3_bucket_server_side_encryption_configuration")["rule"]![0]!["apply_server_side_encryption_by_default"]!;
        Assert.Equal("AES256", encryption["sse_algorithm"]!.GetValue<string>());
        Assert.Null(encryption["kms_master_key_id"]);
        Assert.Contains("\"days\":30", stack.Resource("aws_s3_bucket_lifecycle_configuration").ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"days\":90", Bucket(Minimal with { RetentionDays = 90 }).Resource("aws_s3_bucket_lifecycle_configuration").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lets_the_regions_elb_account_and_s3_logging_write_under_their_prefixes()
    {
        var stack = Bucket(Minimal);
        var bucketArn = stack.ReferenceTo("aws_s3_bucket", stack.Resource("aws_s3_bucket"), "arn");
        var alb = SpecInputs.Statement(Policy(stack), "AlbWritesAccessLogs");
        Assert.Equal([stack.DataReferenceTo("aws_elb_service_account", "arn")], SpecInputs.Strings(alb["principals"]![0]!["identifiers"]));
        Assert.Equal(["s3:PutObject"], SpecInputs.Strings(alb["actions"]));
        Assert.Equal([$"{bucketArn}/alb/AWSLogs/{SpecInputs.AccountId}/*"], SpecInputs.Strings(alb["resources"]));
        var s3 = SpecInputs.Statement(Policy(stack), "S3WritesAccessLogs");
        Assert.Equal(["logging.s3.amazonaws.com"], SpecInputs.Strings(s3["principals"]![0]!["identifiers"]));
        Assert.Equal([$"{bucketArn}/s3/*"], SpecInputs.Strings(s3["resources"]));
    }

    [Fact]
    public void Lets_cloudtrail_and_config_deliver_only_when_asked()
    {
        Assert.DoesNotContain(Sids(Bucket(Minimal)), sid => sid.StartsWith("CloudTrail", StringComparison.Ordinal) || sid.StartsWith("Config", StringComparison.Ordinal));

        var trail = Bucket(Minimal with { CloudTrailWrites = true });
        Assert.Contains("CloudTrailDelivers", Sids(trail));
        Assert.DoesNotContain("ConfigDelivers", Sids(trail));
        var bucketArn = trail.ReferenceTo("aws_s3_bucket", trail.Resource("aws_s3_bucket"), "arn");
        Assert.Equal([$"{bucketArn}/cloudtrail/AWSLogs/{SpecInputs.AccountId}/*"], SpecInputs.Strings(SpecInputs.Statement(Policy(trail), "CloudTrailDelivers")["resources"]));

        var config = Bucket(Minimal with { ConfigWrites = true });
        Assert.Contains("ConfigChecksBucket", Sids(config));
        Assert.Contains("ConfigDelivers", Sids(config));
        Assert.DoesNotContain("CloudTrailDelivers", Sids(config));
    }
}
