namespace StudentRecords.Synth.Constructs.Observability;

public sealed record SignInMetricsConfig
{
    /// <summary>Prefix of the filters' names, <c>{project}-{environment}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The service's log group, where the app writes its JSON events.</summary>
    public required string LogGroupName { get; init; }

    /// <summary>The platform's custom metric namespace.</summary>
    public required string Namespace { get; init; }
}
