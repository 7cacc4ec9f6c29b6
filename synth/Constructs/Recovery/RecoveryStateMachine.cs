using Constructs;
using HashiCorp.Cdktf.Providers.Aws.DataAwsIamPolicyDocument;
using HashiCorp.Cdktf.Providers.Aws.SfnStateMachine;
using StudentRecords.Synth.Constructs.Observability;
using StudentRecords.Synth.Constructs.Recovery.StateLanguage;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// A Step Functions state machine (Standard; Express for the trigger's starter) running a recovery workflow, logging every execution (with its
/// data) to a KMS-encrypted log group, traced with X-Ray. Its role may call exactly the API actions the
/// workflow's tasks call, each on the resources <see cref="RecoveryStateMachineConfig.ResourcesByAction"/> names.
/// </summary>
public sealed class RecoveryStateMachine : Construct
{
    /// <summary>
    /// Vended log delivery and X-Ray segments: AWS offers these actions on "*" only (Step Functions' guide,
    /// "IAM policies for logging to CloudWatch Logs" and "for using AWS X-Ray").
    /// </summary>
    private static readonly string[] LogDeliveryAndTracingActions =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
    ];

    public RecoveryStateMachine(Construct scope, string id, RecoveryStateMachineConfig config) : base(scope, id)
    {
        // Vended logs under /aws/vendedlogs/ keep the account's CloudWatch Logs resource policy small (Step Functions' guide).
        var logs = new EncryptedLogGroup(this, "logs", new EncryptedLogGroupConfig
        {
            Name = $"/aws/vendedlogs/states/{config.Name}",
            KmsKeyArn = config.KmsKeyArn,
            RetentionDays = config.LogRetentionDays
        });
        var role = new ServiceRole(this, "role", new ServiceRoleConfig
        {
            Name = config.Name,
            Service = "states.amazonaws.com",
            Statements = [
                .. Permissions(config),
                // The alert topic is encrypted with the region's key: publishing to it uses the key.
                PolicyStatements.Allow("UseTheRegionKey", ["kms:Decrypt", "kms:GenerateDataKey"], [config.KmsKeyArn]),
                PolicyStatements.Allow("DeliverLogsAndTraces", LogDeliveryAndTracingActions, ["*"]),
            ]
        });
        var machine = new SfnStateMachine(this, "machine", new SfnStateMachineConfig
        {
            Name = config.Name,
            Type = config.Express ? "EXPRESS" : "STANDARD",
            RoleArn = role.Arn,
            Definition = config.Workflow.ToJsonString(),
            LoggingConfiguration = new SfnStateMachineLoggingConfiguration
            {
                Level = "ALL",
                IncludeExecutionData = true,
                LogDestination = $"{logs.Arn}:*",
            },
            TracingConfiguration = new SfnStateMachineTracingConfiguration { Enabled = true },
            // CreateStateMachine checks that the role may deliver logs to the destination: the policy first.
            DependsOn = [role.Policy!],
        });
        Arn = machine.Arn;
    }

    public string Arn { get; }

    public const string CallSidPrefix = "Call";

    /// <summary>"CallDescribeDBClustersPromoteReadReplicaDBCluster": what the statement lets the workflow call.</summary>
    private static string CallSid(IEnumerable<string> actions) => CallSidPrefix + string.Concat(actions.Select(a => a[(a.IndexOf(':') + 1)..]));

    /// <summary>One statement per resource set, holding the actions the workflow calls on it (actions in ordinal order).</summary>
    private static IEnumerable<DataAwsIamPolicyDocumentStatement> Permissions(RecoveryStateMachineConfig config)
    {
        var actions = WorkflowActions.Of(config.Workflow);
        var missing = actions.Where(a => !config.ResourcesByAction.ContainsKey(a)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{config.Name} calls {string.Join(", ", missing)}, for which no resource is named");
        return actions
            .GroupBy(a => string.Join(" ", config.ResourcesByAction[a]), StringComparer.Ordinal)
            .Select(group => PolicyStatements.Allow(CallSid([.. group]), [.. group], config.ResourcesByAction[group.First()]));
    }
}
