using HashiCorp.Cdktf.Providers.Aws.S3Bucket;
using StudentRecords.Synth.Constructs.Storage;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// BucketReplication promises that every object version and delete marker of the source is replicated, re-encrypted with the
/// destination's key, by a role S3 assumes that may touch only these two buckets and these two keys.
/// </summary>
public sealed class BucketReplicationSpec
{
    private const string Source = "arn:aws:s3:::spec-production-assets";
    private const string Destination = "arn:aws:s3:::spec-dr-assets";
    private const string SourceKey = "arn:aws:kms:eu-central-1:111122223333:key/source-key";
    private const string DestinationKey = "arn:aws:kms:eu-west-1:111122223333:key/destination-key";

    private static TerraformJson Replication(BucketReplicationConfig config) =>
        ConstructSpec.Synth(stack => new BucketReplication(stack, "replication", config));

    private static readonly BucketReplicationConfig Minimal = new()
    {
        SourceBucketName = "spec-production-assets",
        SourceBucketArn = Source,
        SourceKeyArn = SourceKey,
        DestinationBucketArn = Destination,
        DestinationKeyArn = DestinationKey,
        RoleName = "spec-assets-replication",
    };

    [Fact]
    public void Replicates_every_version_and_delete_marker_re_encrypted_with_the_destination_key()
    {
        var configuration = Replication(Minimal).Resource("aws_s3_bucket_replication_configuration");
        Assert.Equal("spec-production-assets", configuration["bucket"]!.GetValue<string>());
        var rule = Assert.Single(configuration["rule"]!.AsArray())!;
        Assert.Equal("Enabled", rule["status"]!.GetValue<string>());
        Assert.Equal("{}", rule["filter"]!.ToJsonString());
        Assert.Equal("Enabled", rule["delete_marker_replication"]!["status"]!.GetValue<string>());
        Assert.Equal("Enabled", rule["source_selection_criteria"]!["sse_kms_encrypted_objects"]!["status"]!.GetValue<string>());
        Assert.Equal(Destination, rule["destination"]!["bucket"]!.GetValue<string>());
        Assert.Equal(DestinationKey, rule["destination"]!["encryption_configuration"]!["replica_kms_key_id"]!.GetValue<string>());
    }

    [Fact]
    public void Its_role_is_assumed_by_s3_and_touches_only_the_two_buckets_and_keys()
    {
        var stack = Replication(Minimal);
        var role = stack.Resource("aws_iam_role");
        Assert.Equal("spec-assets-replication", role["name"]!.GetValue<string>());
        Assert.Equal(stack.ReferenceTo("aws_iam_role", role, "arn"), stack.Resource("aws_s3_bucket_replication_configuration")["role"]!.GetValue<string>());
        var trust = stack.Referenced(role["assume_role_policy"]!.GetValue<string>());
        Assert.Equal(["s3.amazonaws.com"], SpecInputs.Strings(trust["statement"]![0]!["principals"]![0]!["identifiers"]));

        var permissions = stack.Referenced(stack.Resource("aws_iam_role_policy")["policy"]!.GetValue<string>());
        var resources = permissions["statement"]!.AsArray().SelectMany(s => SpecInputs.Strings(s!["resources"])).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(new HashSet<string>([Source, $"{Source}/*", $"{Destination}/*", SourceKey, DestinationKey], StringComparer.Ordinal), resources);
        Assert.Equal([DestinationKey], SpecInputs.Strings(SpecInputs.Statement(permissions, "EncryptReplicas")["resources"]));
        Assert.Equal([SourceKey], SpecInputs.Strings(SpecInputs.Statement(permissions, "DecryptSource")["resources"]));
        Assert.Equal([$"{Destination}/*"], SpecInputs.Strings(SpecInputs.Statement(permissions, "WriteReplicas")["resources"]));
    }

    [Fact]
    public void Names_the_source_region_and_waits_for_what_it_is_given_only_when_asked()
    {
        var plain = Replication(Minimal).Resource("aws_s3_bucket_replication_configuration");
        Assert.Null(plain["region"]);
        Assert.Null(plain["depends_on"]);

        var stack = ConstructSpec.Synth(scope =>
        {
            var bucket = new S3Bucket(scope, "source", new S3BucketConfig { Bucket = "spec-production-assets" });
            new BucketReplication(scope, "replication", Minimal with { SourceRegion = "us-east-2", WaitFor = [bucket] });
        });
        var configuration = stack.Resource("aws_s3_bucket_replication_configuration");
        Assert.Equal("us-east-2", configuration["region"]!.GetValue<string>());
        Assert.Equal([$"aws_s3_bucket.{Assert.Single(stack.Root["resource"]!["aws_s3_bucket"]!.AsObject()).Key}"], SpecInputs.Strings(configuration["depends_on"]));
    }
}
