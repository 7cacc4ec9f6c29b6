using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsLb;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Edge;
using StudentRecords.Synth.Constructs.LoadBalancing;
using StudentRecords.Synth.Constructs.Security;
using StudentRecords.Synth.Constructs.Storage;

namespace StudentRecords.Synth.Stacks;

/// <summary>
/// What sits in front of both regions: CloudFront with failover between the production and DR load
/// balancers, the WAF, and (with a domain) the site's certificate and Route 53 failover. CloudFront's
/// certificate and web ACL must live in us-east-1, so this stack's provider is there.
/// </summary>
public sealed class EdgeStack : TerraformStack
{
    public const string Environment = "edge";
    public const string GlobalRegion = "us-east-1";
    public const int RequestsPerFiveMinutesPerIp = 2000;

    /// <summary>Paths whose pages post forms: routed through the name Route 53 fails over (origin groups fail over GETs only).</summary>
    public static readonly IReadOnlyList<string> FormPaths = ["/Students/*"];

    public EdgeStack(Construct scope, string id, PlatformModel model) : base(scope, id)
    {
        var platform = model.Platform;
        var primary = model.Primary;
        var standby = model.Standbys[0];
        RemoteState.Use(this, platform, primary.Region, id);
        AwsProviders.Create(this, GlobalRegion, StackTags.For(platform, Environment));
        var names = new ResourceNames(platform, Environment);
        var account = new AccountContext(this, "account");
        var key = new EncryptionKey(this, "key", new EncryptionKeyConfig
        {
            Alias = names.KeyAlias,
            Description = "Encrypts the edge's logs",
            AdministratorPrincipal = account.RootPrincipal,
            ServiceStatements = [PolicyStatements.AllowCloudWatchLogs(GlobalRegion, account)]
        });
        var logs = new SecureBucket(this, "log-bucket", new SecureBucketConfig
        {
            Name = names.LogBucket,
            KmsKeyArn = null,
            NoncurrentVersionDays = 1,
            ExpireObjectsAfterDays = primary.Storage.LogRetentionDays,
            AllowLogDeliveryAcls = true
        });
        var firewall = new WebFirewall(this, "firewall", new WebFirewallConfig
        {
            Name = names.Prefix,
            KmsKeyArn = key.Arn,
            LogRetentionDays = primary.Storage.LogRetentionDays,
            RequestsPerFiveMinutes = RequestsPerFiveMinutesPerIp
        });

        // The load balancers are looked up by their deterministic names in their own regions rather than
        // read from the regional stacks' remote state: remote-state outputs break this stack's plan until
        // the producers are applied (terraform-cdk issue 3514); a name is known from the model alone.
        var originSecret = new OriginSecret(this, "origin-secret", new OriginSecretConfig
        {
            SecretName = names.OriginSecret,
            KmsKeyArn = key.Arn,
            Replicas = [],
            Create = false,
            ReadFromRegion = primary.Region
        });
        var primaryAlb = LookUp(platform, primary);
        var standbyAlb = LookUp(platform, standby);

        Distribution distribution;
        if (platform.Domain is { } domain)
        {
            var primaryNames = new ResourceNames(platform, primary.Name);
            var standbyNames = new ResourceNames(platform, standby.Name);
            var certificate = new Certificate(this, "certificate", new CertificateConfig
            {
                DomainName = domain.Name,
                AlternativeNames = [],
                HostedZoneId = domain.HostedZoneId,
                ValidatedElsewhere = []
            });
            distribution = new Distribution(this, "cdn", new DistributionConfig
            {
                Name = names.Prefix,
                Primary = new Origin(primary.Name, primaryNames.OriginDomain!, Https: true),
                Secondary = new Origin(standby.Name, standbyNames.OriginDomain!, Https: true),
                Forms = new Origin("failover", names.FailoverOriginDomain!, Https: true),
                FormPaths = FormPaths,
                Domain = (domain.Name, certificate.Arn),
                WebAclArn = firewall.Arn,
                LogBucketDomainName = logs.DomainName,
                OriginSecret = originSecret.Value
            });
            new FailoverDns(this, "dns", new FailoverDnsConfig
            {
                HostedZoneId = domain.HostedZoneId,
                SiteName = domain.Name,
                FailoverName = names.FailoverOriginDomain!,
                Primary = new RegionalOrigin(primary.Name, primaryNames.OriginDomain!, primaryAlb.DnsName, primaryAlb.ZoneId),
                Secondary = new RegionalOrigin(standby.Name, standbyNames.OriginDomain!, standbyAlb.DnsName, standbyAlb.ZoneId),
                HealthPath = primary.Service.HealthCheckPath,
                CloudFrontDomainName = distribution.DomainName,
                CloudFrontZoneId = distribution.HostedZoneId
            });
        }
        else
        {
            // Without a domain the ALBs have no certificate: CloudFront reaches them by their AWS names over HTTP.
            var primaryOrigin = new Origin(primary.Name, primaryAlb.DnsName, Https: false);
            distribution = new Distribution(this, "cdn", new DistributionConfig
            {
                Name = names.Prefix,
                Primary = primaryOrigin,
                Secondary = new Origin(standby.Name, standbyAlb.DnsName, Https: false),
                Forms = primaryOrigin,
                FormPaths = FormPaths,
                Domain = null,
                WebAclArn = firewall.Arn,
                LogBucketDomainName = logs.DomainName,
                OriginSecret = originSecret.Value
            });
        }
    }

    private DataAwsLb LookUp(PlatformSpec platform, EnvironmentSpec environment) =>
        new(this, $"{environment.Name}-alb", new DataAwsLbConfig { Name = new ResourceNames(platform, environment.Name).Short, Region = environment.Region });
}
