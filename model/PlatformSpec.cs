namespace StudentRecords.Model;

/// <summary>What all stacks share (platform.yaml).</summary>
/// <param name="Project">Prefix of every resource name: <c>{project}-{environment}-{purpose}</c>.</param>
/// <param name="ManagedBy">Value of the ManagedBy tag.</param>
/// <param name="Tags">Tags on every taggable resource, besides Project, Environment and ManagedBy.</param>
/// <param name="Domain">Public DNS name of the app; without it the edge serves CloudFront's own name.</param>
/// <param name="Auth">Institutional single sign-on for the records app; without it staff use local accounts only.</param>
/// <param name="Cost">Each environment's monthly budget (the seed's when platform.yaml leaves it out).</param>
public sealed record PlatformSpec(
    string Project,
    string ManagedBy,
    IReadOnlyDictionary<string, string> Tags,
    StateSpec State,
    AlertsSpec Alerts,
    AlarmsSpec Alarms,
    AuditSpec Audit,
    RecoverySpec Recovery,
    DomainSpec? Domain,
    AuthSpec? Auth,
    CostSpec Cost);
