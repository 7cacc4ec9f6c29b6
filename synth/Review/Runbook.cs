using Scriban;
using StudentRecords.Model;
using StudentRecords.Synth.Constructs.Observability;
using StudentRecords.Synth.Templates;

namespace StudentRecords.Synth.Review;

/// <summary>
/// The operator's runbook for one environment (snapshots/runbook-&lt;environment&gt;.md): diagnosis, and
/// failover (standby) or failback (primary), with the platform's real names, regions and parameters.
/// </summary>
public static class Runbook
{
    private static readonly Template Template = EmbeddedTemplates.Load("runbook.scriban");

    public static string Render(PlatformModel model, EnvironmentSpec environment)
    {
        var primary = model.Primary;
        var standby = environment.Role == EnvironmentRole.Standby ? environment : model.Standbys[0];
        var mode = primary.Database.Replication;
        var data = new
        {
            Env = Describe(model.Platform, environment),
            Primary = new { primary.Region, primary.Service.DesiredCount, Min = primary.Service.Autoscaling.Min, Max = primary.Service.Autoscaling.Max, Desired = primary.Service.DesiredCount },
            Standby = Describe(model.Platform, standby),
            Replication = new
            {
                Mode = mode.ToString().ToLowerInvariant(),
                GlobalCluster = new ResourceNames(model.Platform, primary.Name).GlobalCluster,
                // Binlog replicas report AuroraBinlogReplicaLag; global secondaries AuroraGlobalDBReplicationLag.
                LagMetric = mode == ReplicationMode.Binlog ? "AuroraBinlogReplicaLag" : "AuroraGlobalDBReplicationLag",
            },
            EdgeName = new ResourceNames(model.Platform, "edge").Prefix,
            State = new { model.Platform.State.Bucket },
            Site = model.Platform.Domain?.Name ?? "<your CloudFront domain>",
            ActiveRegionParameter = new ResourceNames(model.Platform, primary.Name).ActiveRegionParameter,
            FailoverMachine = new ResourceNames(model.Platform, standby.Name).FailoverStateMachine,
            FailbackMachine = new ResourceNames(model.Platform, standby.Name).FailbackStateMachine,
            FailedSignInPattern = SignInMetrics.PatternFor(SignInMetrics.FailedEvent),
        };
        return Template.Render(data).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    private static object Describe(PlatformSpec platform, EnvironmentSpec environment)
    {
        var names = new ResourceNames(platform, environment.Name);
        return new
        {
            environment.Name,
            Role = environment.Role.ToString().ToLowerInvariant(),
            environment.Region,
            names.Prefix,
            EcsCluster = names.Prefix,
            EcsService = names.Prefix,
            names.Cluster,
            Parameters = names.ParameterPrefix,
        };
    }

}
