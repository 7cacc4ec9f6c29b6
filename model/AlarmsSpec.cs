namespace StudentRecords.Model;

/// <summary>Alarm thresholds, the same in every regional environment (platform.yaml).</summary>
public sealed record AlarmsSpec
{
    public required int Alb5xxPerMinute { get; init; }

    public required int UnhealthyHosts { get; init; }

    public required double ResponseTimeSeconds { get; init; }

    public required int ServiceCpuPercent { get; init; }

    public required int ServiceMemoryPercent { get; init; }

    public required int DatabaseCpuPercent { get; init; }

    /// <summary>Of the instance class's maximum connections.</summary>
    public required int ConnectionsPercent { get; init; }

    public required int ReplicationLagSeconds { get; init; }

    /// <summary>Aurora's local (temporary) storage, which large sorts and logs fill.</summary>
    public required int FreeLocalStorageGb { get; init; }

    /// <summary>Failed sign-ins to the records app in an hour above which the alert goes out.</summary>
    public required int FailedSignInsPerHour { get; init; }

    /// <summary>The seed's KPI, "more than 10 failed logins an hour", when platform.yaml leaves the threshold out.</summary>
    public const int DefaultFailedSignInsPerHour = 10;
}
