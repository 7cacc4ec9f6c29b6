namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="PrimaryAlarmName">The primary's composite "unhealthy" alarm.</param>
public sealed record AutomaticFailoverConfig(string Name, string PrimaryRegion, string StandbyRegion, string PrimaryAlarmName, string StateMachineArn, string AccountId, string Partition);
