namespace StudentRecords.Model.Loading;

/// <summary>
/// An environment as far as it could be read: a section that had problems is null, so the rules
/// can still check every other section and report all problems in one run.
/// </summary>
internal sealed record EnvironmentDraft(
    string Name,
    EnvironmentRole? Role,
    string? Region,
    IReadOnlyList<string>? AvailabilityZones,
    NetworkSpec? Network,
    DatabaseSpec? Database,
    ServiceSpec? Service,
    StorageSpec? Storage,
    IReadOnlyDictionary<string, string>? Tags)
{
    public EnvironmentSpec? ToSpec() =>
        Role is { } role && Region is not null && AvailabilityZones is not null && Network is not null
        && Database is not null && Service is not null && Storage is not null && Tags is not null
            ? new EnvironmentSpec(Name, role, Region, AvailabilityZones, Network, Database, Service, Storage, Tags)
            : null;
}
