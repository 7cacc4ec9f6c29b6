using Constructs;
using HashiCorp.Cdktf.Providers.Aws.SsmParameter;

namespace StudentRecords.Synth.Constructs.Parameters;

/// <summary>
/// Names and addresses that operators and the failover read at run time (load balancer, target group,
/// database, ECS), as plain SSM parameters. None is secret: secrets live in Secrets Manager.
/// </summary>
public sealed class OperationalParameters : Construct
{
    public OperationalParameters(Construct scope, string id, OperationalParametersConfig config) : base(scope, id)
    {
        foreach (var (name, value) in config.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            new SsmParameter(this, name, new SsmParameterConfig
            {
                Name = $"{config.Prefix}/{name}",
                Type = "String",
                Value = value,
                Description = $"{name.Replace('-', ' ')} of this environment, written by Terraform",
            });
    }
}
