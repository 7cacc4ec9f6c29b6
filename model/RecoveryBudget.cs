using System.Globalization;

namespace StudentRecords.Model;

/// <summary>
/// The worst-case time from the primary failing to the standby serving, and the worst data loss, that the model
/// implies, each line with its source, checked against <see cref="RecoverySpec.RtoMinutes"/> and
/// <see cref="RecoverySpec.RpoMinutes"/>. The synth builds the health checks and alarms from the same constants.
/// </summary>
public sealed record RecoveryBudget(IReadOnlyList<RecoveryBudget.Line> RecoveryLines, IReadOnlyList<RecoveryBudget.Line> DataLossLines, int RtoMinutes, int RpoMinutes)
{
    /// <summary>Route 53 checks each origin's readiness path this often (seconds: 10 or 30)…</summary>
    public const int HealthCheckIntervalSeconds = 10;

    /// <summary>…and changes its verdict after this many checks in a row.</summary>
    public const int HealthCheckFailureThreshold = 3;

    /// <summary>The "unhealthy" alarm's period; CloudWatch publishes load balancer metrics about a minute late.</summary>
    public const int AlarmPeriodSeconds = 60;

    public const int MetricDelaySeconds = 60;

    /// <summary>Route 53 answers an alias record to a load balancer with the load balancer's TTL, 60 s.</summary>
    public const int AliasTtlSeconds = 60;

    /// <summary>The failover's own notices, guard and records: seven API calls of well under a second each, rounded up.</summary>
    public const int WorkflowOverheadSeconds = 30;

    public sealed record Line(string Step, int Seconds, string Source);

    public int RecoverySeconds => RecoveryLines.Sum(l => l.Seconds);

    public int DataLossSeconds => DataLossLines.Sum(l => l.Seconds);

    public bool MeetsRto => RecoverySeconds <= RtoMinutes * 60;

    public bool MeetsRpo => DataLossSeconds <= RpoMinutes * 60;

    public static RecoveryBudget For(PlatformSpec platform)
    {
        var recovery = platform.Recovery;
        var lines = new List<Line>
        {
            new("detect: the primary's unhealthy alarm", AlarmPeriodSeconds + MetricDelaySeconds,
                $"one {AlarmPeriodSeconds} s period of 5xx or unhealthy targets, published about {MetricDelaySeconds} s late (CloudWatch)"),
        };
        if (recovery.Approval)
            lines.Add(new("approve the promotion", recovery.ApprovalWaitMinutes * 60, "recovery.approvalWaitMinutes: the longest the failover waits for an operator"));
        var slower = recovery.PromotionWaitMinutes >= recovery.ServiceWaitMinutes
            ? new Line("promote the database (side by side with the scale-out)", recovery.PromotionWaitMinutes * 60,
                "recovery.promotionWaitMinutes bounds the wait; AWS: promoting a cross-Region replica takes \"several minutes or longer\"")
            : new Line("start the standby's tasks (side by side with the promotion)", recovery.ServiceWaitMinutes * 60,
                "recovery.serviceWaitMinutes bounds the wait: image pull, start and two passing target health checks");
        lines.Add(slower);
        lines.Add(new("the failover's other steps", WorkflowOverheadSeconds, "guard, notices and the active-region record: one API call each"));
        lines.Add(new("Route 53 sees the standby healthy", HealthCheckIntervalSeconds * HealthCheckFailureThreshold,
            $"{HealthCheckFailureThreshold} checks {HealthCheckIntervalSeconds} s apart (the health checks' failure threshold)"));
        lines.Add(new("resolvers drop the old answer", AliasTtlSeconds, "the alias record's TTL (the load balancer's, 60 s)"));

        var lag = platform.Alarms.ReplicationLagSeconds;
        var loss = new List<Line>
        {
            new("replication lag the alarm lets pass", lag, "alarms.replicationLagSeconds: above it for two minutes, the replication-lag alarm e-mails"),
        };
        return new RecoveryBudget(lines, loss, recovery.RtoMinutes, recovery.RpoMinutes);
    }

    /// <summary>The budget as lines for a validation message or a summary: "  120 s  detect: … (source)".</summary>
    public static string Describe(IEnumerable<Line> lines) =>
        string.Join("\n", lines.Select(l => $"  {l.Seconds.ToString(CultureInfo.InvariantCulture),5} s  {l.Step} ({l.Source})"));
}
