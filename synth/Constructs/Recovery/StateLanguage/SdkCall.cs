using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Constructs.Recovery.StateLanguage;

/// <summary>An AWS service as Step Functions' AWS SDK integration names it, with the prefix of its error names.</summary>
public sealed record SdkService(string Name, string ErrorPrefix)
{
    public static readonly SdkService Rds = new("rds", "Rds");
    public static readonly SdkService Ecs = new("ecs", "Ecs");
    public static readonly SdkService Ssm = new("ssm", "Ssm");
    public static readonly SdkService Sns = new("sns", "Sns");
    public static readonly SdkService StepFunctions = new("sfn", "Sfn");
    public static readonly SdkService ApplicationAutoScaling = new("applicationautoscaling", "ApplicationAutoScaling");
    public static readonly SdkService LoadBalancing = new("elasticloadbalancingv2", "ElasticLoadBalancingV2");

    /// <summary>
    /// Throttling, retried three times from 2 s, doubling, with jitter. Most SDKs do not model throttling:
    /// Step Functions reports it as the common <c>ThrottlingException</c> or the service's generic exception.
    /// </summary>
    public Retrier Throttling => new([$"{ErrorPrefix}.ThrottlingException", $"{ErrorPrefix}.{ErrorPrefix}Exception"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2);
}

/// <summary>Tasks that make one AWS API call each, through Step Functions' AWS SDK integration.</summary>
public static class SdkCall
{
    /// <summary>An API call answers in seconds; a minute means the service is in trouble.</summary>
    public const int TimeoutSeconds = 60;

    /// <param name="action">The API action in camel case, e.g. <c>describeDBClusters</c>.</param>
    public static TaskState Task(SdkService service, string action, JsonObject parameters, string? next, string onError) =>
        new($"arn:aws:states:::aws-sdk:{service.Name}:{action}", parameters, TimeoutSeconds, next)
        {
            Retry = [service.Throttling],
            Catch = new Catcher(onError),
        };

    /// <summary>The same call, after which Step Functions waits (up to <paramref name="timeoutSeconds"/>) for the task token it passed to be answered.</summary>
    public static TaskState WaitForToken(SdkService service, string action, JsonObject parameters, int timeoutSeconds, string next, string onError) =>
        new($"arn:aws:states:::aws-sdk:{service.Name}:{action}.waitForTaskToken", parameters, timeoutSeconds, next)
        {
            Retry = [service.Throttling],
            Catch = new Catcher(onError),
        };
}
