using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Tests;

[Collection(SynthCollection.Name)]
public sealed class StateStackTests(SynthesizedPlatform platform)
{
    private readonly TerraformJson state = platform.Stack("state");

    private JsonObject Bucket(string name) =>
        Assert.Single(state.Resources("aws_s3_bucket"), b => (string?)b["bucket"] == name);

    /// <summary>The bucket-scoped resource of <paramref name="type"/> attached to <paramref name="bucket"/>.</summary>
    private JsonObject For(string type, JsonObject bucket)
    {
        var id = state.ReferenceTo("aws_s3_bucket", bucket, "id");
        var bucketName = state.ReferenceTo("aws_s3_bucket", bucket, "bucket");
        return Assert.Single(state.Resources(type), r => (string?)r["bucket"] == id || (string?)r["bucket"] == bucketName);
    }

    public static TheoryData<string> Buckets => ["student-record-system-terraform-state", "student-record-system-terraform-state-replica"];

    [Theory]
    [MemberData(nameof(Buckets))]
    public void BucketIsVersioned(string bucket) =>
        Assert.Equal("Enabled", (string?)For("aws_s3_bucket_versioning", Bucket(bucket))["versioning_configuration"]!["status"]);

    [Theory]
    [MemberData(nameof(Buckets))]
    public void BucketIsEncryptedWithACustomerKeyThatRotates(string bucket)
    {
        var rule = For("aws_s3_bucket_server_side_encryption_configuration", Bucket(bucket))["rule"]![0]!;
        var byDefault = rule["apply_server_side_encryption_by_default"]!;

        Assert.Equal("aws:kms", (string?)byDefault["sse_algorithm"]);
        var key = state.Referenced((string)byDefault["kms_master_key_id"]!);
        Assert.True((bool?)key["enable_key_rotation"]);
        Assert.True((bool?)rule["bucket_key_enabled"]);
    }

    [Theory]
    [MemberData(nameof(Buckets))]
    public void BucketBlocksEveryKindOfPublicAccess(string bucket)
    {
        var block = For("aws_s3_bucket_public_access_block", Bucket(bucket));

        foreach (var setting in new[] { "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets" })
            Assert.True((bool?)block[setting], setting);
        Assert.Equal("BucketOwnerEnforced", (string?)For("aws_s3_bucket_ownership_controls", Bucket(bucket))["rule"]!["object_ownership"]);
    }

    [Theory]
    [MemberData(nameof(Buckets))]
    public void BucketRefusesRequestsWithoutTls(string bucket)
    {
        var document = state.Referenced((string)For("aws_s3_bucket_policy", Bucket(bucket))["policy"]!.ToString().Replace(".json", ".id"));
        var statement = Assert.Single(document["statement"]!.AsArray())!;

        Assert.Equal("Deny", (string?)statement["effect"]);
        Assert.Equal("aws:SecureTransport", (string?)statement["condition"]![0]!["variable"]);
        Assert.Equal("false", (string?)statement["condition"]![0]!["values"]![0]);
        Assert.Equal("*", (string?)statement["principals"]![0]!["identifiers"]![0]);
    }

    [Theory]
    [MemberData(nameof(Buckets))]
    public void OldStateVersionsExpireAfterTheConfiguredDays(string bucket)
    {
        var rule = For("aws_s3_bucket_lifecycle_configuration", Bucket(bucket))["rule"]![0]!;

        Assert.Equal("Enabled", (string?)rule["status"]);
        Assert.Equal(platform.Model.Platform.State.NoncurrentVersionDays, (int?)rule["noncurrent_version_expiration"]![0]!["noncurrent_days"]);
    }

    [Fact]
    public void StateIsReplicatedToTheStandbyRegionUnderItsKey()
    {
        var replication = state.Resource("aws_s3_bucket_replication_configuration");
        var rule = replication["rule"]![0]!;
        var destination = rule["destination"]!;

        Assert.Equal("Enabled", (string?)rule["status"]);
        var replica = state.Referenced((string)destination["bucket"]!);
        Assert.Equal("student-record-system-terraform-state-replica", (string?)replica["bucket"]);
        Assert.Equal("aws.replica", (string?)replica["provider"]);
        var replicaKey = state.Referenced((string)destination["encryption_configuration"]!["replica_kms_key_id"]!);
        Assert.Equal("aws.replica", (string?)replicaKey["provider"]);
        Assert.Equal("Enabled", (string?)rule["source_selection_criteria"]!["sse_kms_encrypted_objects"]!["status"]);
    }

    [Fact]
    public void ReplicationRoleNamesItsBucketsAndKeysAndNoWildcardActions()
    {
        var policy = state.Resource("aws_iam_role_policy");
        var document = state.Referenced(((string)policy["policy"]!).Replace(".json", ".id"));

        foreach (var statement in document["statement"]!.AsArray())
        {
            Assert.All(statement!["actions"]!.AsArray(), a => Assert.DoesNotContain("*", (string)a!));
            Assert.All(statement["resources"]!.AsArray(), r => Assert.StartsWith("${aws_", (string)r!));
        }
    }

    [Fact]
    public void LockTableIsWhatTheS3BackendNeedsAndIsProtected()
    {
        var table = state.Resource("aws_dynamodb_table");

        Assert.Equal(platform.Model.Platform.State.LockTable, (string?)table["name"]);
        Assert.Equal("LockID", (string?)table["hash_key"]);
        Assert.Equal("S", (string?)table["attribute"]![0]!["type"]);
        Assert.Equal("PAY_PER_REQUEST", (string?)table["billing_mode"]);
        Assert.True((bool?)table["point_in_time_recovery"]!["enabled"]);
        Assert.True((bool?)table["server_side_encryption"]!["enabled"]);
        Assert.True((bool?)state.Referenced((string)table["server_side_encryption"]!["kms_key_arn"]!)["enable_key_rotation"]);
        Assert.True((bool?)table["deletion_protection_enabled"]);
    }

    [Fact]
    public void EveryKmsKeyRotatesAndHasAnAlias()
    {
        var keys = state.Resources("aws_kms_key");

        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.True((bool?)k["enable_key_rotation"]));
        Assert.Equal(
            ["alias/student-record-system-shared-state", "alias/student-record-system-shared-state-replica"],
            state.Resources("aws_kms_alias").Select(a => (string)a["name"]!).Order());
    }
}
