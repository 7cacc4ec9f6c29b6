using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsCallerIdentity;
using HashiCorp.Cdktf.Providers.Aws.DataAwsPartition;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>The account and partition Terraform runs in, read at plan time (nothing account-specific is synthesized).</summary>
public sealed class AccountContext : Construct
{
    public AccountContext(Construct scope, string id) : base(scope, id)
    {
        var identity = new DataAwsCallerIdentity(this, "identity");
        var partition = new DataAwsPartition(this, "partition");
        AccountId = identity.AccountId;
        Partition = partition.Partition;
    }

    public string AccountId { get; }

    public string Partition { get; }

    public string RootPrincipal => $"arn:{Partition}:iam::{AccountId}:root";
}
