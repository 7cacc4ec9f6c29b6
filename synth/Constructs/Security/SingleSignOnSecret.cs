using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsSecretsmanagerSecret;
using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecret;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>
/// The records app's OpenID Connect client secret. The primary's stack creates the secret, encrypted with
/// its region's key and replicated to every standby region like the database credentials, so DR tasks
/// start while the primary region is down; a standby looks its replica up by name. The value belongs to
/// the identity provider: the operator puts it in (README), so it never appears in YAML, the synthesized
/// JSON or the Terraform state, and rotates at the provider.
/// </summary>
public sealed class SingleSignOnSecret : Construct
{
    public SingleSignOnSecret(Construct scope, string id, SingleSignOnSecretConfig config) : base(scope, id)
    {
        KeyArn = config.KmsKeyArn;
        SecretArn = config.Create
            ? new SecretsmanagerSecret(this, "secret", new SecretsmanagerSecretConfig
            {
                Name = config.SecretName,
                Description = "OpenID Connect client secret of the records app, set by the operator from the identity provider",
                KmsKeyId = config.KmsKeyArn,
                RecoveryWindowInDays = 7,
                Replica = config.Replicas.Select(r => r.ToBlock()).ToArray(),
            }).Arn
            : new DataAwsSecretsmanagerSecret(this, "secret", new DataAwsSecretsmanagerSecretConfig { Name = config.SecretName }).Arn;
    }

    /// <summary>The secret in this region: the primary's, or a standby's replica.</summary>
    public string SecretArn { get; }

    /// <summary>The key that decrypts it in this region.</summary>
    public string KeyArn { get; }
}
