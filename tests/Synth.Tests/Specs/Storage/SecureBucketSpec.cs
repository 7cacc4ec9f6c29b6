using StudentRecords.Synth.Constructs.Storage;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>SecureBucket promises the baseline of every bucket: private, versioned, encrypted, TLS only, old versions expire.</summary>
public sealed class SecureBucketSpec
{
    private static TerraformJson Bucket(SecureBucketConfig config) =>
        ConstructSpec.Synth(stack => new SecureBucket(stack, "bucket", config));

    private static readonly SecureBucketConfig Minimal = new()
    {
        Name = "spec-bucket",
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        NoncurrentVersionDays = 7,
    };

    [Fact]
    public void Is_private_versioned_and_encrypted_with_the_given_key()
    {
        var stack = Bucket(Minimal);
        Assert.Equal("spec-bucket", stack.Resource("aws_s3_bucket")["bucket"]!.GetValue<string>());
        Assert.Equal("Enabled", stack.Resource("aws_s3_bucket_versioning")["versioning_configuration"]!["status"]!.GetValue<string>());
        var block = stack.Resource("aws_s3_bucket_public_access_block");
        foreach (var setting in new[] { "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets" })
            Assert.True(block[setting]!.GetValue<bool>(), setting);
        var rule = stack.Resource("aws_s3_bucket_server_side_encryption_configuration")["rule"]![0]!["apply_server_side_encryption_by_default"]!;
        Assert.Equal("aws:kms", rule["sse_algorithm"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, rule["kms_master_key_id"]!.GetValue<string>());
    }

    [Fact]
    public void Refuses_requests_without_tls()
    {
        var policy = Assert.Single(Bucket(Minimal).DataSources("aws_iam_policy_document"),
            document => document["statement"]!.AsArray().Any(s => s!["effect"]?.GetValue<string>() == "Deny"));
        var deny = policy["statement"]!.AsArray().Single(s => s!["effect"]?.GetValue<string>() == "Deny")!;
        Assert.Contains("aws:SecureTransport", deny.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expires_replaced_versions_after_the_given_days_and_current_objects_only_when_asked()
    {
        var kept = Bucket(Minimal).Resource("aws_s3_bucket_lifecycle_configuration").ToJsonString();
        Assert.Contains("\"noncurrent_days\":7", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("\"days\":", kept, StringComparison.Ordinal);

        var expiring = Bucket(Minimal with { ExpireObjectsAfterDays = 30 }).Resource("aws_s3_bucket_lifecycle_configuration").ToJsonString();
        Assert.Contains("\"days\":30", expiring, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_access_only_when_given_a_log_bucket()
    {
        Assert.Empty(Bucket(Minimal).Resources("aws_s3_bucket_logging"));
        var logging = Bucket(Minimal with { AccessLogBucket = "spec-logs" }).Resource("aws_s3_bucket_logging");
        Assert.Equal("spec-logs", logging["target_bucket"]!.GetValue<string>());
        Assert.Equal("s3/spec-bucket/", logging["target_prefix"]!.GetValue<string>());
    }
}
