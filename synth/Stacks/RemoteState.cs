using HashiCorp.Cdktf;
using StudentRecords.Model;

namespace StudentRecords.Synth.Stacks;

/// <summary>Points a stack's state at the state stack's bucket (or its replica), under its own key, locked and encrypted.</summary>
public static class RemoteState
{
    /// <summary>The state bucket in the primary region, locked with the DynamoDB table.</summary>
    public static void Use(TerraformStack stack, PlatformSpec platform, string stateRegion, string stackName) =>
        Use(stack, platform.State.Bucket, stateRegion, Naming.Resource(platform, StateStack.Environment, "state"), stackName, lockTable: platform.State.LockTable);

    /// <summary>
    /// A standby's state: in the state bucket, locked by S3 itself (<c>use_lockfile</c>, Terraform 1.10 and later) rather than
    /// the lock table, which lives in the primary region only. With the primary region down, in the bucket's replica in
    /// the standby's region, encrypted with the replica's key: nothing the backend needs is then in the primary region.
    /// </summary>
    public static void UseForStandby(TerraformStack stack, PlatformSpec platform, string primaryRegion, string standbyRegion, string stackName, bool primaryRegionDown)
    {
        if (primaryRegionDown)
            Use(stack, Naming.StateReplicaBucket(platform.State), standbyRegion, Naming.Resource(platform, StateStack.Environment, "state-replica"), stackName, lockTable: null);
        else
            Use(stack, platform.State.Bucket, primaryRegion, Naming.Resource(platform, StateStack.Environment, "state"), stackName, lockTable: null);
    }

    private static void Use(TerraformStack stack, string bucket, string region, string keyAlias, string stackName, string? lockTable)
    {
        new S3Backend(stack, new S3BackendConfig
        {
            Bucket = bucket,
            Key = Naming.StateKey(stackName),
            Region = region,
            DynamodbTable = lockTable,
            Encrypt = true,
            // By alias: the key ARN holds the account id, which the model does not know.
            KmsKeyId = $"alias/{keyAlias}",
        });
        // CDKTF 0.21's S3Backend predates S3 native locking.
        if (lockTable is null) stack.AddOverride("terraform.backend.s3.use_lockfile", true);
    }
}
