namespace StudentRecords.Model.Loading;

/// <summary>Maps platform.yaml onto <see cref="PlatformSpec"/>.</summary>
internal static class PlatformReader
{
    public static PlatformSpec? Read(MappingReader root)
    {
        var project = root.String("project");
        var managedBy = root.String("managedBy");
        var tags = root.StringMap("tags");
        var state = root.Mapping("state") is { } s ? ReadState(s) : null;
        var alerts = root.Mapping("alerts") is { } a ? ReadAlerts(a) : null;
        var alarms = root.Mapping("alarms") is { } al ? ReadAlarms(al) : null;
        var audit = root.Mapping("audit") is { } au ? ReadAudit(au) : null;
        var recovery = root.Mapping("recovery") is { } re ? ReadRecovery(re) : null;
        var domainReader = root.Mapping("domain", required: false);
        var domain = domainReader is null ? null : ReadDomain(domainReader);
        var authReader = root.Mapping("auth", required: false);
        var auth = authReader is null ? null : ReadAuth(authReader);
        var costReader = root.Mapping("cost", required: false);
        var cost = costReader is null ? new CostSpec() : ReadCost(costReader);
        root.RejectUnknownKeys();

        if (project is null || managedBy is null || tags is null || state is null || alerts is null || alarms is null || audit is null || recovery is null) return null;
        if (domainReader is not null && domain is null) return null;
        if (authReader is not null && auth is null) return null;
        if (cost is null) return null;
        return new PlatformSpec
        {
            Project = project,
            ManagedBy = managedBy,
            Tags = tags,
            State = state,
            Alerts = alerts,
            Alarms = alarms,
            Audit = audit,
            Recovery = recovery,
            Domain = domain,
            Auth = auth,
            Cost = cost
        };
    }

    private static StateSpec? ReadState(MappingReader r)
    {
        var bucket = r.String("bucket");
        var lockTable = r.String("lockTable");
        var noncurrentDays = r.Int("noncurrentVersionDays");
        var selfStored = r.Bool("selfStored");
        r.RejectUnknownKeys();
        return bucket is null || lockTable is null || noncurrentDays is null || selfStored is null
            ? null
            : new StateSpec(bucket, lockTable, noncurrentDays.Value, selfStored.Value);
    }

    private static AlertsSpec? ReadAlerts(MappingReader r)
    {
        var email = r.String("email");
        r.RejectUnknownKeys();
        return email is null ? null : new AlertsSpec(email);
    }

    private static AlarmsSpec? ReadAlarms(MappingReader r)
    {
        var alb5xx = r.Int("alb5xxPerMinute");
        var unhealthy = r.Int("unhealthyHosts");
        var responseTime = r.Double("responseTimeSeconds");
        var serviceCpu = r.Int("serviceCpuPercent");
        var serviceMemory = r.Int("serviceMemoryPercent");
        var databaseCpu = r.Int("databaseCpuPercent");
        var connections = r.Int("connectionsPercent");
        var lag = r.Int("replicationLagSeconds");
        var freeStorage = r.Int("freeLocalStorageGb");
        var failedSignIns = r.Int("failedSignInsPerHour", fallback: AlarmsSpec.DefaultFailedSignInsPerHour);
        r.RejectUnknownKeys();
        return alb5xx is null || unhealthy is null || responseTime is null || serviceCpu is null || serviceMemory is null
            || databaseCpu is null || connections is null || lag is null || freeStorage is null || failedSignIns is null
            ? null
            : new AlarmsSpec
            {
                Alb5xxPerMinute = alb5xx.Value,
                UnhealthyHosts = unhealthy.Value,
                ResponseTimeSeconds = responseTime.Value,
                ServiceCpuPercent = serviceCpu.Value,
                ServiceMemoryPercent = serviceMemory.Value,
                DatabaseCpuPercent = databaseCpu.Value,
                ConnectionsPercent = connections.Value,
                ReplicationLagSeconds = lag.Value,
                FreeLocalStorageGb = freeStorage.Value,
                FailedSignInsPerHour = failedSignIns.Value
            };
    }

    private static AuditSpec? ReadAudit(MappingReader r)
    {
        var trail = r.Bool("cloudTrail");
        var guardDuty = r.Bool("guardDuty");
        var securityHub = r.Bool("securityHub");
        var config = r.Bool("config");
        r.RejectUnknownKeys();
        return trail is null || guardDuty is null || securityHub is null || config is null
            ? null
            : new AuditSpec(trail.Value, guardDuty.Value, securityHub.Value, config.Value);
    }

    private static RecoverySpec? ReadRecovery(MappingReader r)
    {
        var automatic = r.Bool("automaticFailover");
        var approval = r.Bool("approval", fallback: false);
        var pollSeconds = r.Int("pollSeconds", fallback: RecoverySpec.DefaultPollSeconds);
        var promotionWait = r.Int("promotionWaitMinutes", fallback: RecoverySpec.DefaultPromotionWaitMinutes);
        var serviceWait = r.Int("serviceWaitMinutes", fallback: RecoverySpec.DefaultServiceWaitMinutes);
        var approvalWait = r.Int("approvalWaitMinutes", fallback: RecoverySpec.DefaultApprovalWaitMinutes);
        var rto = r.Int("rtoMinutes", fallback: RecoverySpec.DefaultRtoMinutes);
        var rpo = r.Int("rpoMinutes", fallback: RecoverySpec.DefaultRpoMinutes);
        r.RejectUnknownKeys();
        return automatic is null || approval is null || pollSeconds is null || promotionWait is null || serviceWait is null || approvalWait is null || rto is null || rpo is null
            ? null
            : new RecoverySpec
            {
                AutomaticFailover = automatic.Value,
                Approval = approval.Value,
                PollSeconds = pollSeconds.Value,
                PromotionWaitMinutes = promotionWait.Value,
                ServiceWaitMinutes = serviceWait.Value,
                ApprovalWaitMinutes = approvalWait.Value,
                RtoMinutes = rto.Value,
                RpoMinutes = rpo.Value
            };
    }

    private static CostSpec? ReadCost(MappingReader r)
    {
        var budget = r.Int("monthlyBudgetUsd", fallback: CostSpec.DefaultMonthlyBudgetUsd);
        var alertAbove = r.Int("alertAboveUsd", fallback: CostSpec.DefaultAlertAboveUsd);
        r.RejectUnknownKeys();
        return budget is null || alertAbove is null ? null : new CostSpec(budget.Value, alertAbove.Value);
    }

    private static DomainSpec? ReadDomain(MappingReader r)
    {
        var name = r.String("name");
        var zone = r.String("hostedZoneId");
        r.RejectUnknownKeys();
        return name is null || zone is null ? null : new DomainSpec(name, zone);
    }

    private static AuthSpec? ReadAuth(MappingReader r)
    {
        var oidc = r.Mapping("oidc") is { } o ? ReadOidc(o) : null;
        r.RejectUnknownKeys();
        return oidc is null ? null : new AuthSpec(oidc);
    }

    private static OidcSpec? ReadOidc(MappingReader r)
    {
        var authority = r.String("authority");
        var clientId = r.String("clientId");
        var roleClaim = r.String("roleClaim", required: false) ?? OidcSpec.DefaultRoleClaim;
        var roles = r.Mapping("roles") is { } ro ? ReadOidcRoles(ro) : null;
        r.RejectUnknownKeys();
        return authority is null || clientId is null || roles is null ? null : new OidcSpec(authority, clientId, roleClaim, roles);
    }

    /// <summary>Keys are the app's role names, so an unknown role is an unknown key.</summary>
    private static OidcRoles ReadOidcRoles(MappingReader r)
    {
        var roles = new OidcRoles(
            r.String(nameof(OidcRoles.Administrator), required: false),
            r.String(nameof(OidcRoles.Registrar), required: false),
            r.String(nameof(OidcRoles.Viewer), required: false));
        r.RejectUnknownKeys();
        return roles;
    }
}
