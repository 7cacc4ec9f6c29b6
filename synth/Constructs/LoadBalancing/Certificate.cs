using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.AcmCertificate;
using HashiCorp.Cdktf.Providers.Aws.AcmCertificateValidation;
using HashiCorp.Cdktf.Providers.Aws.Route53Record;

namespace StudentRecords.Synth.Constructs.LoadBalancing;

/// <summary>An ACM certificate validated through DNS records in the platform's hosted zone; renews itself.</summary>
public sealed class Certificate : Construct
{
    public Certificate(Construct scope, string id, CertificateConfig config) : base(scope, id)
    {
        var certificate = new AcmCertificate(this, "certificate", new AcmCertificateConfig
        {
            DomainName = config.DomainName,
            SubjectAlternativeNames = [.. config.AlternativeNames],
            ValidationMethod = "DNS",
            Lifecycle = new TerraformResourceLifecycle { CreateBeforeDestroy = true },
        });
        // One record per name to validate; their names are known only after the certificate is requested.
        var options = TerraformIterator.FromComplexList(certificate.DomainValidationOptions, "domain_name");
        var records = new Route53Record(this, "validation-record", new Route53RecordConfig
        {
            ForEach = options,
            ZoneId = config.HostedZoneId,
            Name = options.GetString("resource_record_name"),
            Type = options.GetString("resource_record_type"),
            Records = [options.GetString("resource_record_value")],
            Ttl = 60,
            AllowOverwrite = true,
        });
        var validation = new AcmCertificateValidation(this, "validation", new AcmCertificateValidationConfig
        {
            CertificateArn = certificate.Arn,
            ValidationRecordFqdns = Token.AsList($"${{[for record in {records.Fqn} : record.fqdn]}}"),
        });
        Arn = validation.CertificateArn;
    }

    /// <summary>The certificate's ARN once validated, so listeners wait for a usable certificate.</summary>
    public string Arn { get; }
}
