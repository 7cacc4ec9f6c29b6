using StudentRecords.Synth.Constructs.Observability;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>SignInMetrics promises two metric filters on the app's log group, counting sign-ins and failed sign-ins (1 per event, 0 otherwise) in the given namespace.</summary>
public sealed class SignInMetricsSpec
{
    private static TerraformJson Metrics(SignInMetricsConfig config) =>
        ConstructSpec.Synth(stack => new SignInMetrics(stack, "sign-ins", config));

    private static readonly SignInMetricsConfig Minimal = new()
    {
        Name = "spec-env",
        LogGroupName = "/ecs/spec-env",
        Namespace = "spec-project",
    };

    [Fact]
    public void Counts_each_sign_in_event_once_and_zero_when_none_came()
    {
        var filters = Metrics(Minimal).Resources("aws_cloudwatch_log_metric_filter");
        Assert.Equal(2, filters.Count);
        foreach (var (appEvent, metric) in new[] { (SignInMetrics.SucceededEvent, SignInMetrics.SignIns), (SignInMetrics.FailedEvent, SignInMetrics.FailedSignIns) })
        {
            var filter = Assert.Single(filters, f => f["pattern"]!.GetValue<string>() == $"{{ $.State.event = \"{appEvent}\" }}");
            Assert.Equal("/ecs/spec-env", filter["log_group_name"]!.GetValue<string>());
            var transformation = filter["metric_transformation"]!;
            Assert.Equal(metric, transformation["name"]!.GetValue<string>());
            Assert.Equal("1", transformation["value"]!.GetValue<string>());
            Assert.Equal("0", transformation["default_value"]!.GetValue<string>());
            Assert.Equal("Count", transformation["unit"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Names_filters_after_the_environment_and_counts_in_the_given_namespace()
    {
        var filters = Metrics(Minimal with { Name = "other-env", Namespace = "other-namespace" }).Resources("aws_cloudwatch_log_metric_filter");
        Assert.Equal(["other-env-failed-sign-ins", "other-env-sign-ins"], filters.Select(f => f["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(filters, f => Assert.Equal("other-namespace", f["metric_transformation"]!["namespace"]!.GetValue<string>()));
    }
}
