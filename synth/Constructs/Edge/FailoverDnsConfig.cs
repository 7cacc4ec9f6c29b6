namespace StudentRecords.Synth.Constructs.Edge;

public sealed record FailoverDnsConfig
{
    public required string HostedZoneId { get; init; }

    /// <summary>The name people use, aliased to CloudFront.</summary>
    public required string SiteName { get; init; }

    /// <summary>Answers with the primary's ALB while its health check passes, else the secondary's.</summary>
    public required string FailoverName { get; init; }

    public required RegionalOrigin Primary { get; init; }

    public required RegionalOrigin Secondary { get; init; }

    public required string HealthPath { get; init; }

    public required string CloudFrontDomainName { get; init; }

    public required string CloudFrontZoneId { get; init; }
}
