using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Audit;

public sealed record SecurityMonitoringConfig
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required AuditSpec Switches { get; init; }

    /// <summary>The primary: it runs the one multi-region trail and records global resources.</summary>
    public required bool OwnsTrail { get; init; }

    public required string LogBucketName { get; init; }

    public required string KmsKeyArn { get; init; }

    public required string Partition { get; init; }

    /// <summary>The log bucket's policy: AWS checks it when the trail and the delivery channel are created.</summary>
    public required HashiCorp.Cdktf.ITerraformDependable LogBucketPolicy { get; init; }

    /// <summary>Buckets whose every object read and write the trail records (data events): Terraform's state.</summary>
    public required IReadOnlyList<string> RecordedBuckets { get; init; }
}
