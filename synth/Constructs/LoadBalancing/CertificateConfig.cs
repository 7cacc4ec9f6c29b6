namespace StudentRecords.Synth.Constructs.LoadBalancing;

public sealed record CertificateConfig
{
    /// <summary>The environment's own origin name, e.g. <c>production.records.example.org</c>.</summary>
    public required string DomainName { get; init; }

    /// <summary>Further names it answers to, e.g. the failover origin name.</summary>
    public required IReadOnlyList<string> AlternativeNames { get; init; }

    public required string HostedZoneId { get; init; }

    /// <summary>Names whose validation record another stack owns (a standby leaves the failover name to the primary).</summary>
    public required IReadOnlyList<string> ValidatedElsewhere { get; init; }
}
