using StudentRecords.Synth.Constructs.Edge;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>Distribution promises CloudFront failing over from the primary to the secondary on 5xx, form paths to the forms origin, HTTPS, no caching, the origin header, security headers, the given WAF and logging.</summary>
public sealed class DistributionSpec
{
    private static readonly Origin Primary = new("production", "production.records.example.org", Https: true);
    private static readonly Origin Secondary = new("dr", "dr.records.example.org", Https: true);

    private static readonly DistributionConfig WithDomain = new()
    {
        Name = "spec-edge",
        Primary = Primary,
        Secondary = Secondary,
        Forms = new Origin("forms", "app.records.example.org", Https: true),
        FormPaths = ["/students/*", "/signin"],
        Domain = ("records.example.org", "arn:aws:acm:us-east-1:111122223333:certificate/spec"),
        WebAclArn = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/spec/1",
        LogBucketDomainName = "spec-logs.s3.amazonaws.com",
        OriginSecret = "spec-origin-secret",
    };

    private static TerraformJson Edge(DistributionConfig config) =>
        ConstructSpec.Synth(stack => new Distribution(stack, "distribution", config));

    [Fact]
    public void Fails_over_idempotent_requests_from_the_primary_to_the_secondary_on_5xx()
    {
        var distribution = Edge(WithDomain).Resource("aws_cloudfront_distribution");
        var group = Assert.Single(distribution["origin_group"]!.AsArray())!;
        Assert.Equal(Distribution.OriginGroupId, (string?)group["origin_id"]);
        Assert.Equal([500, 502, 503, 504], group["failover_criteria"]!["status_codes"]!.AsArray().Select(c => (int)c!));
        Assert.Equal(["production", "dr"], group["member"]!.AsArray().Select(m => (string)m!["origin_id"]!));
        var behaviour = distribution["default_cache_behavior"]!;
        Assert.Equal(Distribution.OriginGroupId, (string?)behaviour["target_origin_id"]);
        Assert.Equal("redirect-to-https", (string?)behaviour["viewer_protocol_policy"]);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], behaviour["allowed_methods"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public void Sends_every_method_of_the_form_paths_to_the_forms_origin_without_caching()
    {
        var stack = Edge(WithDomain);
        var noCache = stack.DataSources("aws_cloudfront_cache_policy").Single();
        Assert.Equal("Managed-CachingDisabled", (string?)noCache["name"]);
        var behaviours = stack.Resource("aws_cloudfront_distribution")["ordered_cache_behavior"]!.AsArray();
        Assert.Equal(["/students/*", "/signin"], behaviours.Select(b => (string)b!["path_pattern"]!));
        Assert.All(behaviours, behaviour =>
        {
            Assert.Equal("forms", (string?)behaviour!["target_origin_id"]);
            Assert.Contains("POST", behaviour["allowed_methods"]!.AsArray().Select(m => (string)m!));
            Assert.Equal(stack.DataReferenceTo("aws_cloudfront_cache_policy", "id"), (string?)behaviour["cache_policy_id"]);
        });

        var primaryForms = Edge(WithDomain with { Forms = Primary, FormPaths = ["/signin"] }).Resource("aws_cloudfront_distribution");
        Assert.Equal(["dr", "production"], primaryForms["origin"]!.AsArray().Select(o => (string)o!["origin_id"]!).Order());
        Assert.Single(primaryForms["ordered_cache_behavior"]!.AsArray());
    }

    [Fact]
    public void Every_origin_carries_the_origin_secret_and_is_reached_by_the_protocol_it_supports()
    {
        var origins = Edge(WithDomain with { Secondary = Secondary with { Https = false } }).Resource("aws_cloudfront_distribution")["origin"]!.AsArray();
        Assert.Equal(3, origins.Count);
        Assert.All(origins, origin =>
        {
            var header = Assert.Single(origin!["custom_header"]!.AsArray())!;
            Assert.Equal(OriginSecret.HeaderName, (string?)header["name"]);
            Assert.Equal("spec-origin-secret", (string?)header["value"]);
            Assert.Equal(["TLSv1.2"], origin["custom_origin_config"]!["origin_ssl_protocols"]!.AsArray().Select(p => (string)p!));
        });
        string Policy(string id) => (string)origins.Single(o => (string?)o!["origin_id"] == id)!["custom_origin_config"]!["origin_protocol_policy"]!;
        Assert.Equal("https-only", Policy("production"));
        Assert.Equal("http-only", Policy("dr"));
    }

    [Fact]
    public void Serves_the_domain_with_its_certificate_or_else_cloudfronts_own_name()
    {
        var named = Edge(WithDomain).Resource("aws_cloudfront_distribution");
        Assert.Equal(["records.example.org"], named["aliases"]!.AsArray().Select(a => (string)a!));
        var certificate = named["viewer_certificate"]!;
        Assert.Equal("arn:aws:acm:us-east-1:111122223333:certificate/spec", (string?)certificate["acm_certificate_arn"]);
        Assert.Equal("sni-only", (string?)certificate["ssl_support_method"]);
        Assert.Equal("TLSv1.2_2021", (string?)certificate["minimum_protocol_version"]);

        var unnamed = Edge(WithDomain with { Domain = null }).Resource("aws_cloudfront_distribution");
        Assert.Null(unnamed["aliases"]);
        Assert.True((bool)unnamed["viewer_certificate"]!["cloudfront_default_certificate"]!);
        Assert.Null(unnamed["viewer_certificate"]!["acm_certificate_arn"]);
    }

    [Fact]
    public void Uses_the_given_firewall_logs_to_the_given_bucket_and_adds_security_headers()
    {
        var stack = Edge(WithDomain);
        var distribution = stack.Resource("aws_cloudfront_distribution");
        Assert.Equal(WithDomain.WebAclArn, (string?)distribution["web_acl_id"]);
        Assert.Equal("spec-logs.s3.amazonaws.com", (string?)distribution["logging_config"]!["bucket"]);
        Assert.Equal("cloudfront/", (string?)distribution["logging_config"]!["prefix"]);
        var headers = stack.Resource("aws_cloudfront_response_headers_policy");
        Assert.Equal("spec-edge-security-headers", (string?)headers["name"]);
        Assert.Equal(stack.ReferenceTo("aws_cloudfront_response_headers_policy", headers, "id"), (string?)distribution["default_cache_behavior"]!["response_headers_policy_id"]);
        var security = headers["security_headers_config"]!;
        Assert.Equal(31536000, (int)security["strict_transport_security"]!["access_control_max_age_sec"]!);
        Assert.Equal("DENY", (string?)security["frame_options"]!["frame_option"]);
    }
}
