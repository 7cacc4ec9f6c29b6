using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchMetricAlarm;
using HashiCorp.Cdktf.Providers.Aws.SchedulerSchedule;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Recovery;

/// <summary>
/// The seed's daily readiness test: an EventBridge Scheduler schedule invokes the readiness Lambda every morning,
/// which publishes <c>DrReady</c> (1 or 0) and the replication lag; an alarm notifies when DR is not ready, or
/// when no report came (missing data counts as not ready).
/// </summary>
public sealed class ReadinessSchedule : Construct
{
    public const string ReadyMetric = "DrReady";

    /// <summary>06:00 UTC, before the registrar's office opens.</summary>
    public const string Daily = "cron(0 6 * * ? *)";

    public ReadinessSchedule(Construct scope, string id, ReadinessScheduleConfig config) : base(scope, id)
    {
        var role = new ServiceRole(this, "role", new ServiceRoleConfig
        {
            Name = $"{config.Name}-schedule",
            Service = "scheduler.amazonaws.com",
            Statements = [
            PolicyStatements.Allow("InvokeReadiness", ["lambda:InvokeFunction"], [config.FunctionArn]),
            PolicyStatements.Allow("ReadTheEncryptedSchedule", ["kms:Decrypt"], [config.KmsKeyArn]),
        ]
        });
        new SchedulerSchedule(this, "schedule", new SchedulerScheduleConfig
        {
            Name = $"{config.Name}-daily",
            Description = "Daily DR readiness report (publishes DrReady and the replication lag)",
            ScheduleExpression = Daily,
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new SchedulerScheduleFlexibleTimeWindow { Mode = "OFF" },
            KmsKeyArn = config.KmsKeyArn,
            Target = new SchedulerScheduleTarget
            {
                Arn = config.FunctionArn,
                RoleArn = role.Arn,
                RetryPolicy = new SchedulerScheduleTargetRetryPolicy { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 3600 },
            },
        });
        new CloudwatchMetricAlarm(this, "not-ready", new CloudwatchMetricAlarmConfig
        {
            AlarmName = $"{config.Name}-not-ready",
            AlarmDescription = "DR is not ready for a failover (or its daily readiness report did not come): run dr-failover with action readiness to see why",
            Namespace = config.MetricNamespace,
            MetricName = ReadyMetric,
            Statistic = "Minimum",
            Period = 24 * 3600,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "LessThanThreshold",
            TreatMissingData = "breaching",
            AlarmActions = [config.TopicArn],
            OkActions = [config.TopicArn],
        });
    }
}
