namespace StudentRecords.Synth.Constructs.Edge;

/// <param name="FailoverName">Answers with the primary's ALB while its health check passes, else the secondary's.</param>
/// <param name="SiteName">The name people use, aliased to CloudFront.</param>
public sealed record FailoverDnsConfig(
    string HostedZoneId,
    string SiteName,
    string FailoverName,
    RegionalOrigin Primary,
    RegionalOrigin Secondary,
    string HealthPath,
    string CloudFrontDomainName,
    string CloudFrontZoneId);
