using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DynamodbTable;

namespace StudentRecords.Synth.Constructs.State;

/// <summary>The DynamoDB table Terraform's S3 backend locks state with (hash key <c>LockID</c>, as the backend requires).</summary>
public sealed class LockTable : Construct
{
    public LockTable(Construct scope, string id, LockTableConfig config) : base(scope, id)
    {
        var table = new DynamodbTable(this, "table", new DynamodbTableConfig
        {
            Name = config.Name,
            BillingMode = "PAY_PER_REQUEST", // a handful of writes per apply: on-demand costs cents
            HashKey = "LockID",
            Attribute = new[] { new DynamodbTableAttribute { Name = "LockID", Type = "S" } },
            PointInTimeRecovery = new DynamodbTablePointInTimeRecovery { Enabled = true },
            ServerSideEncryption = new DynamodbTableServerSideEncryption { Enabled = true, KmsKeyArn = config.KmsKeyArn },
            DeletionProtectionEnabled = true,
        });
        Name = table.Name;
    }

    public string Name { get; }
}
