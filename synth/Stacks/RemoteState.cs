using HashiCorp.Cdktf;
using StudentRecords.Model;

namespace StudentRecords.Synth.Stacks;

/// <summary>Points a stack's state at the state stack's bucket, under its own key, locked and encrypted.</summary>
public static class RemoteState
{
    public static void Use(TerraformStack stack, PlatformSpec platform, string stateRegion, string stackName) =>
        new S3Backend(stack, new S3BackendConfig
        {
            Bucket = platform.State.Bucket,
            Key = Naming.StateKey(stackName),
            Region = stateRegion,
            DynamodbTable = platform.State.LockTable,
            Encrypt = true,
            // By alias: the key ARN holds the account id, which the model does not know.
            KmsKeyId = $"alias/{Naming.Resource(platform, StateStack.Environment, "state")}",
        });
}
