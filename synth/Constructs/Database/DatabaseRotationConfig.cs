namespace StudentRecords.Synth.Constructs.Database;

/// <param name="SubnetIds">Private subnets with a way to Secrets Manager (the primary's NAT gateways).</param>
/// <param name="SecurityGroupId">The rotation function's group (SecurityGroups: MySQL to the database, HTTPS out).</param>
/// <param name="FirstValue">The secret's first version: rotation starts from a value with the host in it.</param>
public sealed record DatabaseRotationConfig(
    string Name,
    string Region,
    string SecretArn,
    string KmsKeyArn,
    IReadOnlyList<string> SubnetIds,
    string SecurityGroupId,
    int RotationDays,
    HashiCorp.Cdktf.ITerraformDependable FirstValue);
