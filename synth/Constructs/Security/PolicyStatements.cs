using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;

namespace StudentRecords.Synth.Constructs.Security;

/// <summary>Small builders for IAM policy statements, so policies read as who may do what to which resource.</summary>
public static class PolicyStatements
{
    public static DataAwsIamPolicyDocumentStatement Allow(string sid, string[] actions, string[] resources) => new()
    {
        Sid = sid,
        Effect = "Allow",
        Actions = actions,
        Resources = resources,
    };

    public static DataAwsIamPolicyDocumentStatement AllowPrincipal(string sid, string principalType, string[] principals, string[] actions, string[] resources) => new()
    {
        Sid = sid,
        Effect = "Allow",
        Principals = new[] { new DataAwsIamPolicyDocumentStatementPrincipals { Type = principalType, Identifiers = principals } },
        Actions = actions,
        Resources = resources,
    };

    /// <summary>Refuses any request to the bucket that does not arrive over TLS.</summary>
    public static DataAwsIamPolicyDocumentStatement DenyInsecureTransport(string bucketArn) => new()
    {
        Sid = "DenyInsecureTransport",
        Effect = "Deny",
        Principals = new[] { new DataAwsIamPolicyDocumentStatementPrincipals { Type = "*", Identifiers = new[] { "*" } } },
        Actions = new[] { "s3:*" },
        Resources = new[] { bucketArn, $"{bucketArn}/*" },
        Condition = new[]
        {
            new DataAwsIamPolicyDocumentStatementCondition { Test = "Bool", Variable = "aws:SecureTransport", Values = new[] { "false" } },
        },
    };
}
