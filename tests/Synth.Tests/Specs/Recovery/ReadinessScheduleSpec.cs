using StudentRecords.Synth.Constructs.Recovery;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>
/// ReadinessSchedule promises an encrypted daily schedule at 06:00 UTC invoking the readiness function through a role
/// that may invoke only it, and an alarm on the alert topic when DR is not ready or its report did not come.
/// </summary>
public sealed class ReadinessScheduleSpec
{
    private const string Function = "arn:aws:lambda:eu-central-1:111122223333:function:spec-readiness";
    private const string Topic = "arn:aws:sns:eu-central-1:111122223333:spec-alerts";

    private static TerraformJson Schedule(ReadinessScheduleConfig config) =>
        ConstructSpec.Synth(stack => new ReadinessSchedule(stack, "readiness", config));

    private static readonly ReadinessScheduleConfig Minimal = new()
    {
        Name = "spec-readiness",
        FunctionArn = Function,
        KmsKeyArn = ConstructSpec.KmsKeyArn,
        MetricNamespace = "spec-project",
        TopicArn = Topic,
    };

    [Fact]
    public void Invokes_the_function_every_morning_at_six_utc_from_an_encrypted_schedule()
    {
        var stack = Schedule(Minimal);
        var schedule = stack.Resource("aws_scheduler_schedule");
        Assert.Equal("spec-readiness-daily", schedule["name"]!.GetValue<string>());
        Assert.Equal("cron(0 6 * * ? *)", schedule["schedule_expression"]!.GetValue<string>());
        Assert.Equal("UTC", schedule["schedule_expression_timezone"]!.GetValue<string>());
        Assert.Equal(ConstructSpec.KmsKeyArn, schedule["kms_key_arn"]!.GetValue<string>());
        Assert.Equal(Function, schedule["target"]!["arn"]!.GetValue<string>());
        var role = stack.Referenced(schedule["target"]!["role_arn"]!.GetValue<string>());
        Assert.Equal("spec-readiness-schedule", role["name"]!.GetValue<string>());
    }

    [Fact]
    public void Its_role_is_the_schedulers_and_may_only_invoke_the_function_and_read_the_key()
    {
        var stack = Schedule(Minimal);
        var trust = Assert.Single(stack.DataSources("aws_iam_policy_document"), d => d["statement"]![0]!["sid"]!.GetValue<string>() == "ServiceAssumesRole");
        Assert.Equal(["scheduler.amazonaws.com"], SpecInputs.Strings(trust["statement"]![0]!["principals"]![0]!["identifiers"]));
        var permissions = Assert.Single(stack.DataSources("aws_iam_policy_document"), d => d != trust);
        var invoke = SpecInputs.Statement(permissions, "InvokeReadiness");
        Assert.Equal(["lambda:InvokeFunction"], SpecInputs.Strings(invoke["actions"]));
        Assert.Equal([Function], SpecInputs.Strings(invoke["resources"]));
        Assert.Equal([ConstructSpec.KmsKeyArn], SpecInputs.Strings(SpecInputs.Statement(permissions, "ReadTheEncryptedSchedule")["resources"]));
        Assert.Equal(2, permissions["statement"]!.AsArray().Count);
    }

    [Fact]
    public void Alarms_when_dr_is_not_ready_or_no_report_came()
    {
        var alarm = Schedule(Minimal with { MetricNamespace = "other-namespace" }).Resource("aws_cloudwatch_metric_alarm");
        Assert.Equal("spec-readiness-not-ready", alarm["alarm_name"]!.GetValue<string>());
        Assert.Equal("other-namespace", alarm["namespace"]!.GetValue<string>());
        Assert.Equal(ReadinessSchedule.ReadyMetric, alarm["metric_name"]!.GetValue<string>());
        Assert.Equal("LessThanThreshold", alarm["comparison_operator"]!.GetValue<string>());
        Assert.Equal(1, alarm["threshold"]!.GetValue<double>());
        Assert.Equal(86400, alarm["period"]!.GetValue<int>());
        Assert.Equal("breaching", alarm["treat_missing_data"]!.GetValue<string>());
        Assert.Equal([Topic], SpecInputs.Strings(alarm["alarm_actions"]));
        Assert.Equal([Topic], SpecInputs.Strings(alarm["ok_actions"]));
    }
}
