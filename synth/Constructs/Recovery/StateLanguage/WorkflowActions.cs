namespace StudentRecords.Synth.Constructs.Recovery.StateLanguage;

/// <summary>The IAM actions a workflow's AWS SDK tasks call, in its branches too: what its role must allow, and no more.</summary>
public static class WorkflowActions
{
    private const string SdkPrefix = "arn:aws:states:::aws-sdk:";

    /// <summary>Step Functions' service names where IAM's differ.</summary>
    private static readonly Dictionary<string, string> IamPrefixes = new(StringComparer.Ordinal)
    {
        ["sfn"] = "states",
        ["applicationautoscaling"] = "application-autoscaling",
        ["elasticloadbalancingv2"] = "elasticloadbalancing",
    };

    public static IReadOnlyList<string> Of(Workflow workflow) =>
        [.. Resources(workflow).Select(ToIamAction).Distinct().Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Resources(Workflow workflow) =>
        workflow.States.SelectMany(s => s.State switch
        {
            TaskState task => [task.Resource],
            ParallelState parallel => parallel.Branches.SelectMany(Resources),
            _ => [],
        });

    private static string ToIamAction(string resource)
    {
        if (!resource.StartsWith(SdkPrefix, StringComparison.Ordinal)) throw new ArgumentException($"{resource} is not an AWS SDK integration", nameof(resource));
        var (service, action) = resource[SdkPrefix.Length..].Split(':') switch { [var s, var a] => (s, a.Split('.')[0]), _ => throw new ArgumentException(resource, nameof(resource)) };
        return $"{IamPrefixes.GetValueOrDefault(service, service)}:{char.ToUpperInvariant(action[0])}{action[1..]}";
    }
}
