namespace StudentRecords.Model;

/// <summary>One regional environment (production.yaml, dr.yaml); its name is the file's name.</summary>
public sealed record EnvironmentSpec
{
    public required string Name { get; init; }

    public required EnvironmentRole Role { get; init; }

    public required string Region { get; init; }

    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    public required NetworkSpec Network { get; init; }

    public required DatabaseSpec Database { get; init; }

    public required ServiceSpec Service { get; init; }

    public required StorageSpec Storage { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
