using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Security;

public sealed record ServiceRoleConfig
{
    public required string Name { get; init; }

    /// <summary>The service principal that assumes the role, e.g. <c>ecs-tasks.amazonaws.com</c>.</summary>
    public required string Service { get; init; }

    /// <summary>Everything the role may do, each on named resources.</summary>
    public required IReadOnlyList<DataAwsIamPolicyDocumentStatement> Statements { get; init; }

    /// <summary>AWS-managed policies, only where AWS documents one as the way (RDS monitoring).</summary>
    public IReadOnlyList<string>? ManagedPolicyArns { get; init; }
}
