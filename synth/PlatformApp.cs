using HashiCorp.Cdktf;
using StudentRecords.Model;
using StudentRecords.Synth.Output;
using StudentRecords.Synth.Stacks;

namespace StudentRecords.Synth;

/// <summary>Turns the model into one CDKTF stack per blast radius, in apply order: state, each environment, edge.</summary>
public static class PlatformApp
{
    public const string StateStackName = "state";
    public const string EdgeStackName = "edge";

    /// <summary>Image tag deployed when none is given; the deploy pipeline passes the commit's tag.</summary>
    public const string DefaultImageTag = "initial";

    /// <summary>The Lambdas' code, copied beside the synth app (see Synth.csproj): the recovery reports and the origin header's rotation.</summary>
    public static string RecoverySource => Path.Combine(AppContext.BaseDirectory, "Lambda", "recovery");

    public static string OriginSecretSource => Path.Combine(AppContext.BaseDirectory, "Lambda", "origin-secret");

    /// <param name="primaryRegionDown">Write the standbys to need nothing in the primary region (RegionalStack.LeftOutWhilePrimaryIsDown).</param>
    public static App Build(PlatformModel model, string outdir, string imageTag = DefaultImageTag, bool primaryRegionDown = false)
    {
        var app = new App(new AppConfig { Outdir = outdir, SkipBackendValidation = false });
        var primary = model.Primary;
        var packages = new FunctionPackages(LambdaPackage.Build(RecoverySource), LambdaPackage.Build(OriginSecretSource));
        new StateStack(app, StateStackName, model.Platform, primary.Region, model.Standbys[0].Region);
        foreach (var environment in model.Environments)
            new RegionalStack(app, model, environment, imageTag, packages, primaryRegionDown);
        new EdgeStack(app, EdgeStackName, model);
        return app;
    }
}
