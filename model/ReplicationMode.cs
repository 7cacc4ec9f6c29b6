namespace StudentRecords.Model;

/// <summary>
/// How the standby database follows the primary: an Aurora Global Database (managed switchover,
/// lag under a second, needs memory-optimized classes) or a cross-region binlog read replica.
/// </summary>
public enum ReplicationMode
{
    Global,
    Binlog,
}
