using StudentRecords.Model;

namespace StudentRecords.Synth;

/// <summary>
/// Every name an environment's resources get, derived from the model as <c>{project}-{environment}-{purpose}</c>,
/// so one stack can compute or look up by name what another made instead of reading its remote state.
/// </summary>
public sealed record ResourceNames(PlatformSpec Platform, string Environment)
{
    public string Prefix => $"{Platform.Project}-{Environment}";

    /// <summary>For names AWS limits to 32 characters (load balancers, target groups): the project's initials.</summary>
    public string Short => $"{string.Concat(Platform.Project.Split('-').Select(w => w[0]))}-{Environment}";

    public string KeyAlias => Prefix;

    /// <summary>In a standby's region, the key its replicas of the primary's secrets are encrypted with (the primary's stack creates it).</summary>
    public string SecretReplicaKeyAlias => $"{Prefix}-secret-replicas";

    public string LogBucket => $"{Prefix}-logs";

    public string AssetsBucket => $"{Prefix}-assets";

    public string Cluster => $"{Prefix}-aurora";

    public string BackupVault => $"{Prefix}-backups";

    public string ParameterPrefix => $"/{Platform.Project}/{Environment}";

    /// <summary>Origin host name of this environment's load balancer, under the platform's domain.</summary>
    public string? OriginDomain => Platform.Domain is { } domain ? $"{Environment}.{domain.Name}" : null;

    // Shared by all environments: the same name in every region.
    public string Repository => Platform.Project;

    public string GlobalCluster => $"{Platform.Project}-global";

    /// <summary>The platform's own CloudWatch metrics (the app's sign-ins), in every region.</summary>
    public string MetricNamespace => Platform.Project;

    public string DatabaseSecret => $"{Platform.Project}/database/master";

    public string OriginSecret => $"{Platform.Project}/edge/origin-verify";

    /// <summary>The records app's OpenID Connect client secret, whose value the operator sets (README).</summary>
    public string SingleSignOnSecret => $"{Platform.Project}/auth/oidc-client-secret";

    /// <summary>Which region serves: written by the failover, read by operators and the runbook.</summary>
    public string ActiveRegionParameter => $"/{Platform.Project}/active-region";

    /// <summary>When the last failover drill (failover then failback) finished: written by the failback, read by readiness.</summary>
    public string LastDrillParameter => $"/{Platform.Project}/last-drill";

    /// <summary>Summaries of the last failover, failback and drill (failover then failback), written by the drill report; readiness shows the drill's.</summary>
    public string LastFailoverReportParameter => $"/{Platform.Project}/last-failover-report";

    public string LastFailbackReportParameter => $"/{Platform.Project}/last-failback-report";

    public string LastDrillReportParameter => $"/{Platform.Project}/last-drill-report";

    /// <summary>Where the drill report writes each finished execution's report, in the standby's log bucket.</summary>
    public const string RecoveryReportPrefix = "recovery-reports";

    public string DrillReportFunction => $"{Prefix}-drill-report";

    /// <summary>Where a failover waiting for approval leaves its task token, which the dr-failover workflow answers.</summary>
    public string ApprovalParameter => $"/{Platform.Project}/failover-approval";

    /// <summary>The standby's recovery workflows (Step Functions) and its readiness report (Lambda).</summary>
    public string FailoverStateMachine => $"{Prefix}-failover";

    public string FailbackStateMachine => $"{Prefix}-failback";

    public string ReadinessFunction => $"{Prefix}-readiness";

    /// <summary>The name Route 53 fails over between the environments' origins.</summary>
    public string? FailoverOriginDomain => Platform.Domain is { } domain ? $"origin.{domain.Name}" : null;
}
