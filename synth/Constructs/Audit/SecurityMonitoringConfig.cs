using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Audit;

/// <param name="OwnsTrail">The primary: it runs the one multi-region trail and records global resources.</param>
/// <param name="LogBucketPolicy">The log bucket's policy: AWS checks it when the trail and the delivery channel are created.</param>
/// <param name="RecordedBuckets">Buckets whose every object read and write the trail records (data events): Terraform's state.</param>
public sealed record SecurityMonitoringConfig(string Name, string Region, AuditSpec Switches, bool OwnsTrail, string LogBucketName, string KmsKeyArn, string Partition,
    HashiCorp.Cdktf.ITerraformDependable LogBucketPolicy, IReadOnlyList<string> RecordedBuckets);
