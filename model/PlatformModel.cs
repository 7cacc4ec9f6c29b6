namespace StudentRecords.Model;

/// <summary>Everything the environment files describe, validated as a whole.</summary>
public sealed record PlatformModel(PlatformSpec Platform, IReadOnlyList<EnvironmentSpec> Environments)
{
    /// <summary>The environment that serves traffic; validation guarantees exactly one.</summary>
    public EnvironmentSpec Primary => Environments.Single(e => e.Role == EnvironmentRole.Primary);

    /// <summary>The pilot-light environments; validation guarantees at least one.</summary>
    public IReadOnlyList<EnvironmentSpec> Standbys => [.. Environments.Where(e => e.Role == EnvironmentRole.Standby)];
}
