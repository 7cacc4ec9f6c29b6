namespace StudentRecords.Synth.Constructs.LoadBalancing;

/// <param name="DomainName">The environment's own origin name, e.g. <c>production.records.example.org</c>.</param>
/// <param name="AlternativeNames">Further names it answers to, e.g. the failover origin name.</param>
/// <param name="ValidatedElsewhere">Names whose validation record another stack owns (a standby leaves the failover name to the primary).</param>
public sealed record CertificateConfig(string DomainName, IReadOnlyList<string> AlternativeNames, string HostedZoneId, IReadOnlyList<string> ValidatedElsewhere);
