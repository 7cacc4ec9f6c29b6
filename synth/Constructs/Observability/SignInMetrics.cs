using Constructs;
using HashiCorp.Cdktf.Providers.Aws.CloudwatchLogMetricFilter;

namespace StudentRecords.Synth.Constructs.Observability;

/// <summary>
/// Counts the records app's sign-ins and failed sign-ins from its JSON logs. The app writes one event per
/// attempt with a stable <c>event</c> field, which ASP.NET Core's JSON console formatter puts under
/// <c>State</c>; each match adds 1 to a metric in the platform's namespace (0 when a batch has none).
/// </summary>
public sealed class SignInMetrics : Construct
{
    public const string SucceededEvent = "sign-in-succeeded";
    public const string FailedEvent = "sign-in-failed";
    public const string SignIns = "SignIns";
    public const string FailedSignIns = "FailedSignIns";

    public SignInMetrics(Construct scope, string id, SignInMetricsConfig config) : base(scope, id)
    {
        Count("sign-ins", config, SucceededEvent, SignIns);
        Count("failed-sign-ins", config, FailedEvent, FailedSignIns);
    }

    /// <summary>The CloudWatch Logs filter pattern that matches one app event by name.</summary>
    public static string PatternFor(string appEvent) => $"{{ $.State.event = \"{appEvent}\" }}";

    private void Count(string id, SignInMetricsConfig config, string appEvent, string metric) =>
        new CloudwatchLogMetricFilter(this, id, new CloudwatchLogMetricFilterConfig
        {
            Name = $"{config.Name}-{id}",
            LogGroupName = config.LogGroupName,
            Pattern = PatternFor(appEvent),
            MetricTransformation = new CloudwatchLogMetricFilterMetricTransformation
            {
                Namespace = config.Namespace,
                Name = metric,
                Value = "1",
                DefaultValue = "0",
                Unit = "Count",
            },
        });
}
