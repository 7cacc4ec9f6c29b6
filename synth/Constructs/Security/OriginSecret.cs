using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.DataAwsSecretsmanagerRandomPassword;
using HashiCorp.Cdktf.Providers.Aws.DataAwsSecretsmanagerSecretVersion;
using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecret;
using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecretVersion;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>
/// The value CloudFront sends in <see cref="HeaderName"/> and the load balancers require, so an ALB serves
/// only this platform's distribution (the prefix list admits every CloudFront distribution). Generated
/// once by the primary's stack, kept in Secrets Manager, replicated to the standbys, read by the edge.
/// </summary>
public sealed class OriginSecret : Construct
{
    public const string HeaderName = "X-Origin-Verify";

    public OriginSecret(Construct scope, string id, OriginSecretConfig config) : base(scope, id)
    {
        if (!config.Create)
        {
            Value = new DataAwsSecretsmanagerSecretVersion(this, "value", new DataAwsSecretsmanagerSecretVersionConfig
            {
                SecretId = config.SecretName,
                Region = config.ReadFromRegion,
            }).SecretString;
            return;
        }

        var random = new DataAwsSecretsmanagerRandomPassword(this, "random", new DataAwsSecretsmanagerRandomPasswordConfig
        {
            PasswordLength = 48,
            ExcludePunctuation = true, // a header value: letters and digits only
        });
        var secret = new SecretsmanagerSecret(this, "secret", new SecretsmanagerSecretConfig
        {
            Name = config.SecretName,
            Description = $"Value of the {HeaderName} header CloudFront sends and the load balancers require",
            KmsKeyId = config.KmsKeyArn,
            RecoveryWindowInDays = 7,
            Replica = config.Replicas.Select(r => r.ToBlock()).ToArray(),
        });
        new SecretsmanagerSecretVersion(this, "version", new SecretsmanagerSecretVersionConfig
        {
            SecretId = secret.Id,
            SecretString = random.RandomPassword,
            Lifecycle = new TerraformResourceLifecycle { IgnoreChanges = new[] { "secret_string" } }, // generated once
        });
        // The first apply writes the same generated value here and into the secret; later plans generate
        // new ones, which the listener rule ignores (see LoadBalancer) like the secret version does.
        Value = random.RandomPassword;
        SecretArn = secret.Arn;
    }

    public string Value { get; }

    /// <summary>The secret, where this stack creates it (the primary), for its rotation.</summary>
    public string? SecretArn { get; }
}
