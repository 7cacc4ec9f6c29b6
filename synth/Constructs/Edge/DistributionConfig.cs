namespace StudentRecords.Synth.Constructs.Edge;

/// <param name="Primary">Serves every request while healthy.</param>
/// <param name="Secondary">Takes GET/HEAD/OPTIONS when the primary answers 5xx or cannot be reached.</param>
/// <param name="Forms">Where requests that may POST go: origin groups fail over only idempotent methods, so
/// these use a name that Route 53 itself fails over (or the primary when there is no domain).</param>
/// <param name="Domain">The site's name and its us-east-1 certificate; null serves CloudFront's own name.</param>
public sealed record DistributionConfig(
    string Name,
    Origin Primary,
    Origin Secondary,
    Origin Forms,
    IReadOnlyList<string> FormPaths,
    (string Name, string CertificateArn)? Domain,
    string WebAclArn,
    string LogBucketDomainName,
    string OriginSecret);
