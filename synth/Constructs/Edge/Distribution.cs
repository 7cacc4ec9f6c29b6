using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudfrontDistribution;
using HashiCorp.Cdktf.Providers.Aws.CloudfrontResponseHeadersPolicy;
using HashiCorp.Cdktf.Providers.Aws.DataAwsCloudfrontCachePolicy;
using HashiCorp.Cdktf.Providers.Aws.DataAwsCloudfrontOriginRequestPolicy;

namespace StudentRecords.Synth.Constructs.Edge;

/// <summary>
/// CloudFront in front of both regions: an origin group (primary, then secondary on 500/502/503/504 or a
/// connection failure), HTTPS to viewers and origins, no caching of the dynamic pages, every cookie,
/// query string and header but Host forwarded, security headers, WAF, and standard logging.
/// </summary>
public sealed class Distribution : Construct
{
    public const string OriginGroupId = "app";
    private readonly string originSecret;
    public static readonly double[] FailoverStatusCodes = [500, 502, 503, 504];
    private static readonly string[] AllMethods = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
    private static readonly string[] IdempotentMethods = ["GET", "HEAD", "OPTIONS"];

    public Distribution(Construct scope, string id, DistributionConfig config) : base(scope, id)
    {
        // AWS's managed policies, found by name rather than by their IDs.
        var noCache = new DataAwsCloudfrontCachePolicy(this, "caching-disabled", new DataAwsCloudfrontCachePolicyConfig { Name = "Managed-CachingDisabled" });
        var forwardAll = new DataAwsCloudfrontOriginRequestPolicy(this, "all-viewer-except-host", new DataAwsCloudfrontOriginRequestPolicyConfig { Name = "Managed-AllViewerExceptHostHeader" });
        var headers = SecurityHeaders(config.Name);

        originSecret = config.OriginSecret;
        var origins = new[] { config.Primary, config.Secondary, config.Forms }.DistinctBy(o => o.Id).Select(ToCloudFront).ToArray();
        var distribution = new CloudfrontDistribution(this, "distribution", new CloudfrontDistributionConfig
        {
            Enabled = true,
            Comment = config.Name,
            IsIpv6Enabled = true,
            HttpVersion = "http2and3",
            PriceClass = "PriceClass_100",
            Aliases = config.Domain is { } d ? [d.Name] : null,
            WebAclId = config.WebAclArn,
            Origin = origins,
            OriginGroup = new[]
            {
                new CloudfrontDistributionOriginGroup
                {
                    OriginId = OriginGroupId,
                    FailoverCriteria = new CloudfrontDistributionOriginGroupFailoverCriteria { StatusCodes = FailoverStatusCodes },
                    Member = new[]
                    {
                        new CloudfrontDistributionOriginGroupMember { OriginId = config.Primary.Id },
                        new CloudfrontDistributionOriginGroupMember { OriginId = config.Secondary.Id },
                    },
                },
            },
            DefaultCacheBehavior = new CloudfrontDistributionDefaultCacheBehavior
            {
                TargetOriginId = OriginGroupId,
                ViewerProtocolPolicy = "redirect-to-https",
                AllowedMethods = IdempotentMethods,
                CachedMethods = ["GET", "HEAD"],
                CachePolicyId = noCache.Id,
                OriginRequestPolicyId = forwardAll.Id,
                ResponseHeadersPolicyId = headers.Id,
                Compress = true,
            },
            OrderedCacheBehavior = config.FormPaths.Select(path => new CloudfrontDistributionOrderedCacheBehavior
            {
                PathPattern = path,
                TargetOriginId = config.Forms.Id,
                ViewerProtocolPolicy = "redirect-to-https",
                AllowedMethods = AllMethods,
                CachedMethods = ["GET", "HEAD"],
                CachePolicyId = noCache.Id,
                OriginRequestPolicyId = forwardAll.Id,
                ResponseHeadersPolicyId = headers.Id,
                Compress = true,
            }).ToArray(),
            ViewerCertificate = config.Domain is { } domain
                ? new CloudfrontDistributionViewerCertificate { AcmCertificateArn = domain.CertificateArn, SslSupportMethod = "sni-only", MinimumProtocolVersion = "TLSv1.2_2021" }
                : new CloudfrontDistributionViewerCertificate { CloudfrontDefaultCertificate = true },
            Restrictions = new CloudfrontDistributionRestrictions
            {
                GeoRestriction = new CloudfrontDistributionRestrictionsGeoRestriction { RestrictionType = "none" },
            },
            LoggingConfig = new CloudfrontDistributionLoggingConfig { Bucket = config.LogBucketDomainName, Prefix = "cloudfront/", IncludeCookies = false },
        });
        DomainName = distribution.DomainName;
        HostedZoneId = distribution.HostedZoneId;
    }

    public string DomainName { get; }

    public string HostedZoneId { get; }

    private CloudfrontDistributionOrigin ToCloudFront(Origin origin) => new()
    {
        CustomHeader = new[] { new CloudfrontDistributionOriginCustomHeader { Name = Security.OriginSecret.HeaderName, Value = originSecret } },
        OriginId = origin.Id,
        DomainName = origin.DomainName,
        ConnectionAttempts = 2,
        ConnectionTimeout = 5, // fail over within seconds when a region does not answer
        CustomOriginConfig = new CloudfrontDistributionOriginCustomOriginConfig
        {
            HttpPort = 80,
            HttpsPort = 443,
            OriginProtocolPolicy = origin.Https ? "https-only" : "http-only",
            OriginSslProtocols = ["TLSv1.2"],
        },
    };

    private CloudfrontResponseHeadersPolicy SecurityHeaders(string name) => new(this, "security-headers", new CloudfrontResponseHeadersPolicyConfig
    {
        Name = $"{name}-security-headers",
        SecurityHeadersConfig = new CloudfrontResponseHeadersPolicySecurityHeadersConfig
        {
            StrictTransportSecurity = new CloudfrontResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurity
            {
                AccessControlMaxAgeSec = 31536000,
                IncludeSubdomains = true,
                Preload = true,
                Override = true,
            },
            ContentTypeOptions = new CloudfrontResponseHeadersPolicySecurityHeadersConfigContentTypeOptions { Override = true },
            FrameOptions = new CloudfrontResponseHeadersPolicySecurityHeadersConfigFrameOptions { FrameOption = "DENY", Override = true },
            ReferrerPolicy = new CloudfrontResponseHeadersPolicySecurityHeadersConfigReferrerPolicy { ReferrerPolicy = "strict-origin-when-cross-origin", Override = true },
            ContentSecurityPolicy = new CloudfrontResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicy
            {
                ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
                Override = false, // the app sends its own; this covers responses that do not
            },
        },
    });
}
