namespace StudentRecords.Model;

/// <summary>The site's DNS name and the Route 53 hosted zone that holds it.</summary>
public sealed record DomainSpec(string Name, string HostedZoneId);
