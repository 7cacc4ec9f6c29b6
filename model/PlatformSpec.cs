namespace StudentRecords.Model;

/// <summary>What all stacks share (platform.yaml).</summary>
public sealed record PlatformSpec
{
    /// <summary>Prefix of every resource name: <c>{project}-{environment}-{purpose}</c>.</summary>
    public required string Project { get; init; }

    /// <summary>Value of the ManagedBy tag.</summary>
    public required string ManagedBy { get; init; }

    /// <summary>Tags on every taggable resource, besides Project, Environment and ManagedBy.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public required StateSpec State { get; init; }

    public required AlertsSpec Alerts { get; init; }

    public required AlarmsSpec Alarms { get; init; }

    public required AuditSpec Audit { get; init; }

    public required RecoverySpec Recovery { get; init; }

    /// <summary>Public DNS name of the app; without it the edge serves CloudFront's own name.</summary>
    public required DomainSpec? Domain { get; init; }

    /// <summary>Institutional single sign-on for the records app; without it staff use local accounts only.</summary>
    public required AuthSpec? Auth { get; init; }

    /// <summary>Each environment's monthly budget (the seed's when platform.yaml leaves it out).</summary>
    public required CostSpec Cost { get; init; }
}
