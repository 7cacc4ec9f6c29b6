namespace StudentRecords.Model;

/// <summary>Alarm thresholds, the same in every regional environment (platform.yaml).</summary>
/// <param name="ConnectionsPercent">Of the instance class's maximum connections.</param>
/// <param name="FreeLocalStorageGb">Aurora's local (temporary) storage, which large sorts and logs fill.</param>
/// <param name="FailedSignInsPerHour">Failed sign-ins to the records app in an hour above which the alert goes out.</param>
public sealed record AlarmsSpec(
    int Alb5xxPerMinute,
    int UnhealthyHosts,
    double ResponseTimeSeconds,
    int ServiceCpuPercent,
    int ServiceMemoryPercent,
    int DatabaseCpuPercent,
    int ConnectionsPercent,
    int ReplicationLagSeconds,
    int FreeLocalStorageGb,
    int FailedSignInsPerHour)
{
    /// <summary>The seed's KPI, "more than 10 failed logins an hour", when platform.yaml leaves the threshold out.</summary>
    public const int DefaultFailedSignInsPerHour = 10;
}
