namespace StudentRecords.Synth.Constructs.Database;

/// <summary>How this environment's cluster relates to the others.</summary>
/// <param name="GlobalClusterId">The global database's identifier (replication global).</param>
/// <param name="SourceClusterArn">The primary cluster a binlog replica follows (standby, replication binlog).</param>
/// <param name="SourceRegion">The primary's region (standby).</param>
public sealed record ReplicationWiring(string? GlobalClusterId, string? SourceClusterArn, string? SourceRegion);
