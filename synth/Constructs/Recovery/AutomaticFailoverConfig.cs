namespace StudentRecords.Synth.Constructs.Recovery;

/// <param name="PrimaryAlarmName">The primary's composite "unhealthy" alarm.</param>
/// <param name="TopicArn">Where the trigger says so when the failover did not start.</param>
public sealed record AutomaticFailoverConfig(
    string Name,
    string PrimaryRegion,
    string StandbyRegion,
    string PrimaryAlarmName,
    string StateMachineArn,
    string AccountId,
    string Partition,
    string TopicArn,
    string KmsKeyArn,
    int LogRetentionDays);
