using Constructs;
using HashiCorp.Cdktf.Providers.Aws.FlowLog;
using StudentRecords.Synth.Constructs.Observability;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Network;

/// <summary>Every accepted and rejected flow of the VPC, into an encrypted log group, through a role that may write only there.</summary>
public sealed class FlowLogs : Construct
{
    public FlowLogs(Construct scope, string id, FlowLogsConfig config) : base(scope, id)
    {
        var group = new EncryptedLogGroup(this, "log-group", new EncryptedLogGroupConfig
        {
            Name = $"/vpc/{config.Name}",
            KmsKeyArn = config.KmsKeyArn,
            RetentionDays = config.RetentionDays
        });
        var role = new ServiceRole(this, "role", new ServiceRoleConfig
        {
            Name = config.Name,
            Service = "vpc-flow-logs.amazonaws.com",
            Statements = [
            PolicyStatements.Allow("WriteFlowLogs", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], [$"{group.Arn}:*"]),
        ]
        });
        new FlowLog(this, "flow-log", new FlowLogConfig
        {
            VpcId = config.VpcId,
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = group.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = 60,
        });
    }
}
