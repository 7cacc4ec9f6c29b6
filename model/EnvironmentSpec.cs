namespace StudentRecords.Model;

/// <summary>One regional environment (production.yaml, dr.yaml); its name is the file's name.</summary>
public sealed record EnvironmentSpec(
    string Name,
    EnvironmentRole Role,
    string Region,
    IReadOnlyList<string> AvailabilityZones,
    NetworkSpec Network,
    DatabaseSpec Database,
    ServiceSpec Service,
    StorageSpec Storage,
    IReadOnlyDictionary<string, string> Tags);
