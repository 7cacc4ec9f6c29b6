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

    /// <summary>Lets CloudTrail encrypt this account's trail logs with the key.</summary>
    public static DataAwsIamPolicyDocumentStatement AllowCloudTrail(AccountContext account) => new()
    {
        Sid = "CloudTrailEncryptsLogs",
        Effect = "Allow",
        Principals = new[] { new DataAwsIamPolicyDocumentStatementPrincipals { Type = "Service", Identifiers = new[] { "cloudtrail.amazonaws.com" } } },
        Actions = new[] { "kms:GenerateDataKey", "kms:DescribeKey" },
        Resources = new[] { "*" }, // in a key policy "*" means this key
        Condition = new[]
        {
            new DataAwsIamPolicyDocumentStatementCondition
            {
                Test = "StringLike",
                Variable = "kms:EncryptionContext:aws:cloudtrail:arn",
                Values = new[] { $"arn:{account.Partition}:cloudtrail:*:{account.AccountId}:trail/*" },
            },
        },
    };

    /// <summary>Lets CloudWatch alarms publish to SNS topics encrypted with the key.</summary>
    public static DataAwsIamPolicyDocumentStatement AllowCloudWatchAlarms() => new()
    {
        Sid = "CloudWatchAlarmsPublish",
        Effect = "Allow",
        Principals = new[] { new DataAwsIamPolicyDocumentStatementPrincipals { Type = "Service", Identifiers = new[] { "cloudwatch.amazonaws.com" } } },
        Actions = new[] { "kms:Decrypt", "kms:GenerateDataKey" },
        Resources = new[] { "*" }, // in a key policy "*" means this key
    };

    /// <summary>
    /// Lets CloudWatch Logs in <paramref name="region"/> use a key, only for this account's log groups
    /// (the key policy grant CloudWatch Logs requires; it cannot use a key through IAM).
    /// </summary>
    public static DataAwsIamPolicyDocumentStatement AllowCloudWatchLogs(string region, AccountContext account) => new()
    {
        Sid = "CloudWatchLogsEncrypts",
        Effect = "Allow",
        Principals = new[] { new DataAwsIamPolicyDocumentStatementPrincipals { Type = "Service", Identifiers = new[] { $"logs.{region}.amazonaws.com" } } },
        Actions = new[] { "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey" },
        Resources = new[] { "*" }, // in a key policy "*" means this key
        Condition = new[]
        {
            new DataAwsIamPolicyDocumentStatementCondition
            {
                Test = "ArnLike",
                Variable = "kms:EncryptionContext:aws:logs:arn",
                Values = new[] { $"arn:{account.Partition}:logs:{region}:{account.AccountId}:log-group:*" },
            },
        },
    };

    /// <summary>
    /// Publishing custom metrics: PutMetricData has no resource type (Service Authorization Reference, CloudWatch), so it
    /// names "*" and is held to one namespace by the <c>cloudwatch:namespace</c> condition key.
    /// </summary>
    public static DataAwsIamPolicyDocumentStatement AllowPutMetricData(string sid, string metricNamespace) => new()
    {
        Sid = sid,
        Effect = "Allow",
        Actions = ["cloudwatch:PutMetricData"],
        Resources = ["*"],
        Condition = new[] { new DataAwsIamPolicyDocumentStatementCondition { Test = "StringEquals", Variable = "cloudwatch:namespace", Values = [metricNamespace] } },
    };
}
