using Constructs;
using HashiCorp.Cdktf;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Security;
using StudentRecords.Synth.Constructs.State;
using StudentRecords.Synth.Constructs.Storage;

namespace StudentRecords.Synth.Stacks;

/// <summary>
/// The bucket and lock table every other stack keeps its state in, with the bucket replicated to
/// the standby region. It cannot store its own state in what it creates before it exists, so it
/// starts on a local backend; once that state is moved into the bucket, <c>state.selfStored</c> says so
/// and it uses the bucket like every other stack (README, "Deploying").
/// </summary>
public sealed class StateStack : TerraformStack
{
    public const string Environment = "shared";

    /// <summary>Where the local state lives, relative to the stack's folder in cdktf.out: the repository root.</summary>
    public const string LocalStatePath = "../../../terraform.state.tfstate";

    public StateStack(Construct scope, string id, PlatformSpec platform, string primaryRegion, string replicaRegion) : base(scope, id)
    {
        if (platform.State.SelfStored)
            RemoteState.Use(this, platform, primaryRegion, id);
        else
            new LocalBackend(this, new LocalBackendConfig { Path = LocalStatePath });
        var tags = StackTags.For(platform, Environment);
        AwsProviders.Create(this, primaryRegion, tags);
        var replicaProvider = AwsProviders.Create(this, replicaRegion, tags, alias: "replica");
        var account = new AccountContext(this, "account");
        var name = (string purpose) => Naming.Resource(platform, Environment, purpose);

        var key = new EncryptionKey(this, "key", new EncryptionKeyConfig
        {
            Alias = name("state"),
            Description = "Encrypts Terraform state and its lock table",
            AdministratorPrincipal = account.RootPrincipal
        });
        var replicaKey = new EncryptionKey(this, "replica-key", new EncryptionKeyConfig
        {
            Alias = name("state-replica"),
            Description = "Encrypts the replica of Terraform state",
            AdministratorPrincipal = account.RootPrincipal,
            Provider = replicaProvider
        });

        var bucket = new SecureBucket(this, "bucket", new SecureBucketConfig
        {
            Name = platform.State.Bucket,
            KmsKeyArn = key.Arn,
            NoncurrentVersionDays = platform.State.NoncurrentVersionDays
        });
        var replica = new SecureBucket(this, "replica-bucket", new SecureBucketConfig
        {
            Name = Naming.StateReplicaBucket(platform.State),
            KmsKeyArn = replicaKey.Arn,
            NoncurrentVersionDays = platform.State.NoncurrentVersionDays,
            Provider = replicaProvider
        });
        new BucketReplication(this, "replication", new BucketReplicationConfig
        {
            SourceBucketName = bucket.Name,
            SourceBucketArn = bucket.Arn,
            SourceKeyArn = key.Arn,
            DestinationBucketArn = replica.Arn,
            DestinationKeyArn = replicaKey.Arn,
            RoleName = name("state-replication"),
            WaitFor = [bucket.Versioning, replica.Versioning]
        });

        new LockTable(this, "lock-table", new LockTableConfig { Name = platform.State.LockTable, KmsKeyArn = key.Arn });
    }
}
