using StudentRecords.Synth.Constructs.LoadBalancing;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>Certificate promises an ACM certificate for the name and its alternatives, validated by DNS records in the hosted zone, except for names another stack validates.</summary>
public sealed class CertificateSpec
{
    private static readonly CertificateConfig Config = new()
    {
        DomainName = "dr.records.example.org",
        AlternativeNames = ["app.records.example.org"],
        HostedZoneId = "Z-SPEC",
        ValidatedElsewhere = [],
    };

    private static TerraformJson Certificate(CertificateConfig config) =>
        ConstructSpec.Synth(stack => new Certificate(stack, "certificate", config));

    [Fact]
    public void Requests_a_dns_validated_certificate_for_the_name_and_its_alternatives_replaced_before_destroyed()
    {
        var certificate = Certificate(Config).Resource("aws_acm_certificate");
        Assert.Equal("dr.records.example.org", (string?)certificate["domain_name"]);
        Assert.Equal(["app.records.example.org"], certificate["subject_alternative_names"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("DNS", (string?)certificate["validation_method"]);
        Assert.True((bool)certificate["lifecycle"]!["create_before_destroy"]!);
    }

    [Fact]
    public void Validates_every_name_with_a_record_in_the_hosted_zone_and_hands_out_the_arn_once_validated()
    {
        var stack = Certificate(Config);
        var certificate = stack.Resource("aws_acm_certificate");
        var records = stack.Resource("aws_route53_record");
        Assert.Equal("Z-SPEC", (string?)records["zone_id"]);
        Assert.Equal(60, (int)records["ttl"]!);
        Assert.Contains(stack.ReferenceTo("aws_acm_certificate", certificate, "domain_validation_options").Trim('$', '{', '}'), (string)records["for_each"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("contains(", (string)records["for_each"]!, StringComparison.Ordinal);
        var validation = stack.Resource("aws_acm_certificate_validation");
        Assert.Equal(stack.ReferenceTo("aws_acm_certificate", certificate, "arn"), (string?)validation["certificate_arn"]);
        Assert.Contains(SpecInputs.Address(stack, "aws_route53_record", records), (string)validation["validation_record_fqdns"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_records_of_names_validated_elsewhere_to_their_stack()
    {
        var records = Certificate(Config with { ValidatedElsewhere = ["app.records.example.org"] }).Resource("aws_route53_record");
        Assert.Contains("!contains([\"app.records.example.org\"], option.domain_name)", (string)records["for_each"]!, StringComparison.Ordinal);
    }
}
