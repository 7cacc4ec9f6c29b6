using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.IamRole;
using HashiCorp.Cdktf.Providers.Aws.IamRolePolicy;
using HashiCorp.Cdktf.Providers.Aws.IamRolePolicyAttachment;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>An IAM role one AWS service may assume, with an inline least-privilege policy.</summary>
public sealed class ServiceRole : Construct
{
    public ServiceRole(Construct scope, string id, ServiceRoleConfig config) : base(scope, id)
    {
        var trust = new DataAwsIamPolicyDocument(this, "trust", new DataAwsIamPolicyDocumentConfig
        {
            Statement = new[] { PolicyStatements.AllowPrincipal("ServiceAssumesRole", "Service", [config.Service], ["sts:AssumeRole"], []) },
        });
        var role = new IamRole(this, "role", new IamRoleConfig { Name = config.Name, AssumeRolePolicy = trust.Json });
        if (config.Statements.Count > 0)
        {
            var permissions = new DataAwsIamPolicyDocument(this, "permissions", new DataAwsIamPolicyDocumentConfig { Statement = config.Statements.ToArray() });
            Policy = new IamRolePolicy(this, "policy", new IamRolePolicyConfig { Role = role.Id, Name = "least-privilege", Policy = permissions.Json });
        }
        foreach (var (arn, i) in (config.ManagedPolicyArns ?? []).Select((a, i) => (a, i)))
            new IamRolePolicyAttachment(this, $"managed-{i}", new IamRolePolicyAttachmentConfig { Role = role.Name, PolicyArn = arn });
        Arn = role.Arn;
        Name = role.Name;
    }

    public string Arn { get; }

    public string Name { get; }

    /// <summary>The inline policy, for resources whose creation AWS checks against the role's permissions.</summary>
    public IamRolePolicy? Policy { get; }
}
