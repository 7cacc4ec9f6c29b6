namespace StudentRecords.Synth.Constructs.Edge;

/// <summary>An origin CloudFront can send requests to: a regional ALB by a name that reaches it.</summary>
/// <param name="Https">HTTPS to the origin (its ALB has a certificate for <paramref name="DomainName"/>), else HTTP.</param>
public sealed record Origin(string Id, string DomainName, bool Https);
