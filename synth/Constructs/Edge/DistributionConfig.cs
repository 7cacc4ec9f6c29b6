namespace StudentRecords.Synth.Constructs.Edge;

public sealed record DistributionConfig
{
    public required string Name { get; init; }

    /// <summary>Serves every request while healthy.</summary>
    public required Origin Primary { get; init; }

    /// <summary>Takes GET/HEAD/OPTIONS when the primary answers 5xx or cannot be reached.</summary>
    public required Origin Secondary { get; init; }

    /// <summary>Where requests that may POST go: origin groups fail over only idempotent methods, so
    /// these use a name that Route 53 itself fails over (or the primary when there is no domain).</summary>
    public required Origin Forms { get; init; }

    public required IReadOnlyList<string> FormPaths { get; init; }

    /// <summary>The site's name and its us-east-1 certificate; null serves CloudFront's own name.</summary>
    public required (string Name, string CertificateArn)? Domain { get; init; }

    public required string WebAclArn { get; init; }

    public required string LogBucketDomainName { get; init; }

    public required string OriginSecret { get; init; }
}
