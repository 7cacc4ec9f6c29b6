namespace StudentRecords.Model.Loading;

/// <summary>
/// An environment as far as it could be read: a section that had problems is null, so the rules
/// can still check every other section and report all problems in one run.
/// </summary>
internal sealed record EnvironmentDraft
{
    public required string Name { get; init; }

    public required EnvironmentRole? Role { get; init; }

    public required string? Region { get; init; }

    public required IReadOnlyList<string>? AvailabilityZones { get; init; }

    public required NetworkSpec? Network { get; init; }

    public required DatabaseSpec? Database { get; init; }

    public required ServiceSpec? Service { get; init; }

    public required StorageSpec? Storage { get; init; }

    public required IReadOnlyDictionary<string, string>? Tags { get; init; }

    public EnvironmentSpec? ToSpec() =>
        Role is { } role && Region is not null && AvailabilityZones is not null && Network is not null
        && Database is not null && Service is not null && Storage is not null && Tags is not null
            ? new EnvironmentSpec
            {
                Name = Name,
                Role = role,
                Region = Region,
                AvailabilityZones = AvailabilityZones,
                Network = Network,
                Database = Database,
                Service = Service,
                Storage = Storage,
                Tags = Tags
            }
            : null;
}
