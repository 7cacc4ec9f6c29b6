using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Database;

public sealed record AuroraClusterConfig
{
    public required string Identifier { get; init; }

    public required DatabaseSpec Spec { get; init; }

    public required bool IsPrimary { get; init; }

    public required ReplicationWiring Replication { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    public required string SecurityGroupId { get; init; }

    public required string KmsKeyArn { get; init; }

    public required DatabaseCredentials Credentials { get; init; }

    public required string DatabaseName { get; init; }

    public required string Partition { get; init; }
}
