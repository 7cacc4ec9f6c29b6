namespace StudentRecords.Model;

/// <summary>Alarm thresholds, the same in every regional environment (platform.yaml).</summary>
/// <param name="ConnectionsPercent">Of the instance class's maximum connections.</param>
/// <param name="FreeLocalStorageGb">Aurora's local (temporary) storage, which large sorts and logs fill.</param>
public sealed record AlarmsSpec(
    int Alb5xxPerMinute,
    int UnhealthyHosts,
    double ResponseTimeSeconds,
    int ServiceCpuPercent,
    int ServiceMemoryPercent,
    int DatabaseCpuPercent,
    int ConnectionsPercent,
    int ReplicationLagSeconds,
    int FreeLocalStorageGb);
