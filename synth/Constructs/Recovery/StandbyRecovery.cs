using System.Globalization;
using Constructs;
using StudentRecords.Synth.Constructs.Functions;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// A standby's recovery: the failover and failback workflows (Step Functions), the readiness report and its schedule,
/// the drill report of every finished execution, and the automatic trigger when the model asks for it. Each is
/// allowed to touch exactly this service, these clusters, the recovery parameters and the alert topic; read actions
/// without resource-level permissions in AWS name "*": scalable targets, target health, task definitions and metrics.
/// The pieces are added to the stack itself, not under a construct of their own, so that the Terraform addresses of
/// deployed resources stay what they were before this wiring moved here.
/// </summary>
public static class StandbyRecovery
{
    public static void Add(Construct stack, StandbyRecoveryConfig config)
    {
        var wiring = new Wiring(config);
        var failover = new RecoveryStateMachine(stack, "failover", wiring.StateMachine(wiring.Names.FailoverStateMachine, FailoverWorkflow.Build(wiring.Targets)));
        var failback = new RecoveryStateMachine(stack, "failback", wiring.StateMachine(wiring.Names.FailbackStateMachine, FailbackWorkflow.Build(wiring.Targets)));
        var readiness = new NodeFunction(stack, "readiness", wiring.Readiness());
        new ReadinessSchedule(stack, "readiness-schedule", new ReadinessScheduleConfig
        {
            Name = wiring.Names.ReadinessFunction,
            FunctionArn = readiness.Arn,
            KmsKeyArn = config.KmsKeyArn,
            MetricNamespace = wiring.Names.MetricNamespace,
            TopicArn = config.TopicArn
        });
        var drillReport = new NodeFunction(stack, "drill-report", wiring.DrillReport());
        new ExecutionEndTrigger(stack, "drill-report-trigger", new ExecutionEndTriggerConfig
        {
            Name = wiring.Names.DrillReportFunction,
            StateMachineArns = [failover.Arn, failback.Arn],
            FunctionName = drillReport.FunctionName,
            FunctionArn = drillReport.Arn
        });
        if (config.AutomaticTrigger)
            new AutomaticFailover(stack, "automatic-failover", new AutomaticFailoverConfig
            {
                Name = wiring.Names.Prefix,
                PrimaryRegion = config.Model.Primary.Region,
                StandbyRegion = config.Standby.Region,
                PrimaryAlarmName = $"{wiring.PrimaryNames.Prefix}-unhealthy",
                StateMachineArn = failover.Arn,
                AccountId = config.AccountId,
                Partition = config.Partition,
                TopicArn = config.TopicArn,
                KmsKeyArn = config.KmsKeyArn,
                LogRetentionDays = config.Standby.Storage.LogRetentionDays
            });
    }

    /// <summary>The names, ARNs and permissions the pieces share.</summary>
    private sealed class Wiring(StandbyRecoveryConfig config)
    {
        public ResourceNames Names { get; } = new(config.Model.Platform, config.Standby.Name);

        public ResourceNames PrimaryNames { get; } = new(config.Model.Platform, config.Model.Primary.Name);

        private string Region => config.Standby.Region;

        private string Arn(string awsService, string region, string resource) => $"arn:{config.Partition}:{awsService}:{region}:{config.AccountId}:{resource}";

        private string StandbyCluster => Arn("rds", Region, $"cluster:{Names.Cluster}");

        private string PrimaryCluster => Arn("rds", config.Model.Primary.Region, $"cluster:{PrimaryNames.Cluster}");

        private string GlobalCluster => $"arn:{config.Partition}:rds::{config.AccountId}:global-cluster:{Names.GlobalCluster}";

        private string Service => Arn("ecs", Region, $"service/{config.EcsCluster}/{config.EcsService}");

        private string Parameter(string name) => Arn("ssm", Region, $"parameter{name}");

        public RecoveryTargets Targets => new()
        {
            PrimaryRegion = config.Model.Primary.Region,
            StandbyRegion = Region,
            Replication = config.Standby.Database.Replication,
            StandbyCluster = Names.Cluster,
            StandbyClusterArn = StandbyCluster,
            PrimaryClusterArn = PrimaryCluster,
            GlobalCluster = Names.GlobalCluster,
            EcsCluster = config.EcsCluster,
            EcsService = config.EcsService,
            DesiredCount = config.Model.Primary.Service.DesiredCount,
            MinCapacity = config.Model.Primary.Service.Autoscaling.Min,
            MaxCapacity = config.Model.Primary.Service.Autoscaling.Max,
            TargetGroupArn = config.TargetGroupArn,
            ActiveRegionParameter = Names.ActiveRegionParameter,
            LastDrillParameter = Names.LastDrillParameter,
            ApprovalParameter = Names.ApprovalParameter,
            TopicArn = config.TopicArn,
            Recovery = config.Model.Platform.Recovery
        };

        public RecoveryStateMachineConfig StateMachine(string name, StateLanguage.Workflow workflow) => new()
        {
            Name = name,
            Workflow = workflow,
            KmsKeyArn = config.KmsKeyArn,
            LogRetentionDays = config.Standby.Storage.LogRetentionDays,
            ResourcesByAction = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["states:ListExecutions"] = [Arn("states", Region, $"stateMachine:{name}")], // its own executions: the one-at-a-time guard
                ["sns:Publish"] = [config.TopicArn],
                ["application-autoscaling:DescribeScalableTargets"] = ["*"],
                ["application-autoscaling:RegisterScalableTarget"] = [config.ScalableTargetArn],
                ["ecs:DescribeServices"] = [Service],
                ["ecs:UpdateService"] = [Service],
                ["elasticloadbalancing:DescribeTargetHealth"] = ["*"],
                ["rds:DescribeDBClusters"] = [StandbyCluster],
                ["rds:PromoteReadReplicaDBCluster"] = [StandbyCluster],
                ["rds:DescribeGlobalClusters"] = [GlobalCluster],
                ["rds:FailoverGlobalCluster"] = [GlobalCluster, StandbyCluster, PrimaryCluster],
                ["rds:SwitchoverGlobalCluster"] = [GlobalCluster, StandbyCluster, PrimaryCluster],
                ["ssm:GetParameters"] = [Parameter(Names.ActiveRegionParameter)],
                ["ssm:PutParameter"] = [Parameter(Names.ActiveRegionParameter), Parameter(Names.LastDrillParameter), Parameter(Names.ApprovalParameter)],
            }
        };

        public NodeFunctionConfig Readiness() => new()
        {
            Name = Names.ReadinessFunction,
            Handler = "readiness",
            Description = "Disaster recovery: what a failover would find in the standby, published as DrReady (synth/Lambda/recovery/readiness.mjs)",
            Package = config.Package,
            KmsKeyArn = config.KmsKeyArn,
            LogRetentionDays = config.Standby.Storage.LogRetentionDays,
            Partition = config.Partition,
            Environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["PRIMARY_REGION"] = config.Model.Primary.Region,
                ["REPLICATION_MODE"] = config.Standby.Database.Replication.ToString().ToLowerInvariant(),
                ["STANDBY_CLUSTER"] = Names.Cluster,
                ["ECS_CLUSTER"] = config.EcsCluster,
                ["ECS_SERVICE"] = config.EcsService,
                ["TARGET_GROUP_ARN"] = config.TargetGroupArn,
                ["ACTIVE_REGION_PARAMETER"] = Names.ActiveRegionParameter,
                ["LAST_DRILL_PARAMETER"] = Names.LastDrillParameter,
                ["LAST_DRILL_REPORT_PARAMETER"] = Names.LastDrillReportParameter,
                ["METRIC_NAMESPACE"] = Names.MetricNamespace,
            },
            Permissions = [
                PolicyStatements.Allow("ReadTheStandbyService", ["ecs:DescribeServices"], [Service]),
                PolicyStatements.Allow("ReadTargetHealthTaskDefinitionsAndLag", ["elasticloadbalancing:DescribeTargetHealth", "ecs:DescribeTaskDefinition", "cloudwatch:GetMetricStatistics"], ["*"]),
                PolicyStatements.Allow("FindTheImageInThisRegion", ["ecr:DescribeImages"], [Arn("ecr", Region, $"repository/{Names.Repository}")]),
                PolicyStatements.Allow("ReadTheStandbyDatabase", ["rds:DescribeDBClusters"], [StandbyCluster]),
                PolicyStatements.Allow("ReadTheRecoveryParameters", ["ssm:GetParameters"],
                    [Parameter(Names.ActiveRegionParameter), Parameter(Names.LastDrillParameter), Parameter(Names.LastDrillReportParameter)]),
                PolicyStatements.AllowPutMetricData("PublishReadiness", Names.MetricNamespace),
            ]
        };

        /// <summary>
        /// The evidence of every finished failover and failback: EventBridge hands each execution's end to the drill report,
        /// which reads the execution's history and writes the report to the log bucket and its summary to SSM.
        /// </summary>
        public NodeFunctionConfig DrillReport() => new()
        {
            Name = Names.DrillReportFunction,
            Handler = "drillReport",
            Description = "Disaster recovery: each finished failover's and failback's steps and time against the RTO (synth/Lambda/recovery/drill-report.mjs)",
            Package = config.Package,
            KmsKeyArn = config.KmsKeyArn,
            LogRetentionDays = config.Standby.Storage.LogRetentionDays,
            Partition = config.Partition,
            Environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["LOG_BUCKET"] = Names.LogBucket,
                ["REPORT_PREFIX"] = ResourceNames.RecoveryReportPrefix,
                ["LAST_FAILOVER_PARAMETER"] = Names.LastFailoverReportParameter,
                ["LAST_FAILBACK_PARAMETER"] = Names.LastFailbackReportParameter,
                ["LAST_DRILL_REPORT_PARAMETER"] = Names.LastDrillReportParameter,
                ["RTO_MINUTES"] = config.Model.Platform.Recovery.RtoMinutes.ToString(CultureInfo.InvariantCulture),
            },
            Permissions = [
                PolicyStatements.Allow("ReadTheExecutions", ["states:DescribeExecution", "states:GetExecutionHistory"],
                    [.. new[] { Names.FailoverStateMachine, Names.FailbackStateMachine }.Select(machine => Arn("states", Region, $"execution:{machine}:*"))]),
                PolicyStatements.Allow("WriteTheReports", ["s3:PutObject"], [$"arn:{config.Partition}:s3:::{Names.LogBucket}/{ResourceNames.RecoveryReportPrefix}/*"]),
                PolicyStatements.Allow("RecordTheSummaries", ["ssm:GetParameters", "ssm:PutParameter"],
                    [.. new[] { Names.LastFailoverReportParameter, Names.LastFailbackReportParameter, Names.LastDrillReportParameter }.Select(Parameter)]),
            ]
        };
    }
}
