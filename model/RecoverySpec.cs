namespace StudentRecords.Model;

/// <summary>How failover starts.</summary>
/// <param name="AutomaticFailover">
/// When the primary's composite "unhealthy" alarm fires, invoke the failover without waiting for an
/// operator. Off by default, as in the seed: failing over is an operator's decision.
/// </param>
public sealed record RecoverySpec(bool AutomaticFailover);
