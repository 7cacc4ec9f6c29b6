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
        // One record per name to validate; their names are known only after the certificate is requested. ACM gives
        // a name the same record in every certificate of the account, so a name another stack validates (the shared
        // failover name) is left to that stack: one owner, and destroying this stack cannot take the other's away.
        var options = config.ValidatedElsewhere.Count == 0
            ? TerraformIterator.FromComplexList(certificate.DomainValidationOptions, "domain_name")
            : TerraformIterator.FromMap(Token.AsAnyMap(
                $"${{{{ for option in {certificate.Fqn}.domain_validation_options : option.domain_name => option if !contains({JsonList(config.ValidatedElsewhere)}, option.domain_name) }}}}"));
        var records = new Route53Record(this, "validation-record", new Route53RecordConfig
        {
            ForEach = options,
            ZoneId = config.HostedZoneId,
            Name = options.GetString("resource_record_name"),
            Type = options.GetString("resource_record_type"),
            Records = [options.GetString("resource_record_value")],
            Ttl = 60,
        });
        var validation = new AcmCertificateValidation(this, "validation", new AcmCertificateValidationConfig
        {
            CertificateArn = certificate.Arn,
            ValidationRecordFqdns = Token.AsList($"${{[for record in {records.Fqn} : record.fqdn]}}"),
        });
        Arn = validation.CertificateArn;
    }

    private static string JsonList(IEnumerable<string> names) => System.Text.Json.JsonSerializer.Serialize(names);

    /// <summary>The certificate's ARN once validated, so listeners wait for a usable certificate.</summary>
    public string Arn { get; }
}
