using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchLogGroup;

namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>A CloudWatch log group encrypted with the region's key and kept for the model's retention.</summary>
public sealed class EncryptedLogGroup : Construct
{
    public EncryptedLogGroup(Construct scope, string id, EncryptedLogGroupConfig config) : base(scope, id)
    {
        var group = new CloudwatchLogGroup(this, "group", new CloudwatchLogGroupConfig
        {
            Name = config.Name,
            KmsKeyId = config.KmsKeyArn,
            RetentionInDays = config.RetentionDays,
        });
        Name = group.Name;
        Arn = group.Arn;
    }

    public string Name { get; }

    public string Arn { get; }
}
