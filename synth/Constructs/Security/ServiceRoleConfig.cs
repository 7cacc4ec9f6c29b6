using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Security;

/// <param name="Service">The service principal that assumes the role, e.g. <c>ecs-tasks.amazonaws.com</c>.</param>
/// <param name="Statements">Everything the role may do, each on named resources.</param>
/// <param name="ManagedPolicyArns">AWS-managed policies, only where AWS documents one as the way (RDS monitoring).</param>
public sealed record ServiceRoleConfig(
    string Name,
    string Service,
    IReadOnlyList<DataAwsIamPolicyDocumentStatement> Statements,
    IReadOnlyList<string>? ManagedPolicyArns = null);
