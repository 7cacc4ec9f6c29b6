namespace StudentRecords.Model;

/// <summary>How failover starts and how long its waits may last (platform.yaml <c>recovery</c>).</summary>
public sealed record RecoverySpec
{
    /// <summary>
    /// When the primary's composite "unhealthy" alarm fires, start the failover without waiting for an
    /// operator. Off by default, as in the seed: failing over is an operator's decision.
    /// </summary>
    public required bool AutomaticFailover { get; init; }

    /// <summary>The failover stops before promoting the database until an operator approves (dr-failover workflow).</summary>
    public bool Approval { get; init; }

    /// <summary>How often the failover looks again while it waits for the database or the service.</summary>
    public int PollSeconds { get; init; } = RecoverySpec.DefaultPollSeconds;

    /// <summary>How long the failover waits for the promoted database to become writable before it fails.</summary>
    public int PromotionWaitMinutes { get; init; } = RecoverySpec.DefaultPromotionWaitMinutes;

    /// <summary>How long it waits for the standby's load balancer to report a healthy task before it fails.</summary>
    public int ServiceWaitMinutes { get; init; } = RecoverySpec.DefaultServiceWaitMinutes;

    /// <summary>How long an approval may take before the failover gives up.</summary>
    public int ApprovalWaitMinutes { get; init; } = RecoverySpec.DefaultApprovalWaitMinutes;

    /// <summary>The recovery time objective: the longest the platform may be down (seed: 15–20 minutes).</summary>
    public int RtoMinutes { get; init; } = RecoverySpec.DefaultRtoMinutes;

    /// <summary>The recovery point objective: the most recent writes a failover may lose (seed: 1–3 minutes).</summary>
    public int RpoMinutes { get; init; } = RecoverySpec.DefaultRpoMinutes;

    public const int DefaultRtoMinutes = 20;

    public const int DefaultRpoMinutes = 3;

    public const int DefaultPollSeconds = 15;

    /// <summary>AWS: promoting a cross-Region replica "can take several minutes or longer"; ten minutes keeps the seed's 15–20 minute RTO.</summary>
    public const int DefaultPromotionWaitMinutes = 10;

    /// <summary>Image pull, container start and two passing health checks of the target group.</summary>
    public const int DefaultServiceWaitMinutes = 10;

    public const int DefaultApprovalWaitMinutes = 60;

    /// <summary>The most times a wait looks before it gives up.</summary>
    public static int Polls(int minutes, int pollSeconds) => (int)Math.Ceiling(minutes * 60.0 / pollSeconds);
}
