using StudentRecords.Model;

namespace StudentRecords.Synth.Constructs.Database;

public sealed record AuroraClusterConfig(
    string Identifier,
    DatabaseSpec Spec,
    bool IsPrimary,
    ReplicationWiring Replication,
    IReadOnlyList<string> SubnetIds,
    string SecurityGroupId,
    string KmsKeyArn,
    DatabaseCredentials Credentials,
    string DatabaseName,
    string Partition);
