namespace StudentRecords.Synth.Constructs.Database;

public sealed record DatabaseRotationConfig
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required string SecretArn { get; init; }

    public required string KmsKeyArn { get; init; }

    /// <summary>Private subnets with a way to Secrets Manager (the primary's NAT gateways).</summary>
    public required IReadOnlyList<string> SubnetIds { get; init; }

    /// <summary>The rotation function's group (SecurityGroups: MySQL to the database, HTTPS out).</summary>
    public required string SecurityGroupId { get; init; }

    public required int RotationDays { get; init; }

    /// <summary>The secret's first version: rotation starts from a value with the host in it.</summary>
    public required HashiCorp.Cdktf.ITerraformDependable FirstValue { get; init; }
}
