namespace StudentRecords.Synth.Tests;

/// <summary>
/// What AWS checks when a resource is created, on an empty account: each such resource waits for what
/// the check reads. (The provider's own CloudTrail test: "Must have bucket policy attached first".)
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class FirstApplyOrderTests(SynthesizedPlatform platform)
{
    [Theory]
    [InlineData("production", "aws_cloudtrail")]
    [InlineData("production", "aws_config_delivery_channel")]
    [InlineData("production", "aws_lb")]
    [InlineData("dr", "aws_config_delivery_channel")]
    [InlineData("dr", "aws_lb")]
    public void WritersIntoTheLogBucketWaitForItsPolicy(string stack, string type)
    {
        var json = platform.Stack(stack);
        var policy = json.Root["resource"]!["aws_s3_bucket_policy"]!.AsObject()
            .Single(p => (string?)p.Value!["bucket"] == json.ReferenceTo("aws_s3_bucket", json.Resources("aws_s3_bucket").Single(b => ((string)b["bucket"]!).EndsWith("-logs", StringComparison.Ordinal)), "id")).Key;

        Assert.Contains($"aws_s3_bucket_policy.{policy}", json.Resource(type)["depends_on"]!.AsArray().Select(d => (string?)d));
    }

    /// <summary>CreateStateMachine with logging checks the role's log-delivery permissions ("not authorized to access the Log Destination").</summary>
    [Fact]
    public void StateMachinesWaitForTheirRolesPolicy()
    {
        var dr = platform.Stack("dr");
        var machines = dr.Resources("aws_sfn_state_machine");

        Assert.NotEmpty(machines);
        foreach (var machine in machines)
        {
            var role = (string)machine["role_arn"]!;
            var policy = dr.Root["resource"]!["aws_iam_role_policy"]!.AsObject().Single(p => (string?)p.Value!["role"] == role.Replace(".arn}", ".id}")).Key;
            Assert.Contains($"aws_iam_role_policy.{policy}", machine["depends_on"]!.AsArray().Select(d => (string?)d));
        }
    }

    [Theory]
    [InlineData("production")]
    [InlineData("dr")]
    public void ConfigsRoleMayWriteItsDeliveriesIntoTheLogBucket(string stack)
    {
        // AWS_ConfigRole grants no S3 write; PutDeliveryChannel checks the role can deliver.
        var json = platform.Stack(stack);
        var channel = json.Resource("aws_config_delivery_channel");
        var bucket = (string)channel["s3_bucket_name"]!;
        var role = json.Resources("aws_iam_role").Single(r => (string?)r["name"] == $"{(string)channel["name"]!}-config");
        var policy = json.Resources("aws_iam_role_policy").Single(p => (string?)p["role"] == json.ReferenceTo("aws_iam_role", role, "id"));
        var statements = json.Referenced(((string)policy["policy"]!).Replace(".json}", ".id}"))["statement"]!.AsArray();

        Assert.Contains(statements, s => s!["actions"]!.AsArray().Any(a => (string?)a == "s3:PutObject")
            && s["resources"]!.AsArray().Any(r => ((string)r!).EndsWith($":s3:::{bucket}/{(string)channel["s3_key_prefix"]!}/AWSLogs/*", StringComparison.Ordinal)));
    }
}
