using StudentRecords.Synth.Constructs.State;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>LockTable promises the S3 backend's lock table: hash key LockID (a string), on demand, recoverable to a point in time, encrypted with the given key, protected from deletion.</summary>
public sealed class LockTableSpec
{
    private static TerraformJson Table(LockTableConfig config) =>
        ConstructSpec.Synth(stack => new LockTable(stack, "locks", config));

    private static readonly LockTableConfig Minimal = new() { Name = "spec-locks", KmsKeyArn = ConstructSpec.KmsKeyArn };

    [Fact]
    public void Has_the_hash_key_the_s3_backend_locks_with()
    {
        var table = Table(Minimal).Resource("aws_dynamodb_table");
        Assert.Equal("spec-locks", table["name"]!.GetValue<string>());
        Assert.Equal("LockID", table["hash_key"]!.GetValue<string>());
        var attribute = Assert.Single(table["attribute"]!.AsArray())!;
        Assert.Equal("LockID", attribute["name"]!.GetValue<string>());
        Assert.Equal("S", attribute["type"]!.GetValue<string>());
        Assert.Equal("PAY_PER_REQUEST", table["billing_mode"]!.GetValue<string>());
    }

    [Fact]
    public void Is_encrypted_with_the_given_key_recoverable_and_protected_from_deletion()
    {
        var other = "arn:aws:kms:eu-central-1:111122223333:key/other-key";
        var table = Table(Minimal with { KmsKeyArn = other }).Resource("aws_dynamodb_table");
        Assert.True(table["server_side_encryption"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(other, table["server_side_encryption"]!["kms_key_arn"]!.GetValue<string>());
        Assert.True(table["point_in_time_recovery"]!["enabled"]!.GetValue<bool>());
        Assert.True(table["deletion_protection_enabled"]!.GetValue<bool>());
    }
}
