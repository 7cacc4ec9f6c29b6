using System.CommandLine;
using StudentRecords.Model;
using StudentRecords.Synth.Output;
using StudentRecords.Synth.Review;
using StudentRecords.Synth.Watching;

namespace StudentRecords.Synth;

/// <summary>The command line: load and validate the model, then synthesize every stack (or only validate).</summary>
public static class SynthCommand
{
    public const int InvalidModel = 2;

    /// <summary>The model is valid but names something the synth has no data for; the message says what.</summary>
    public const int SynthesisFailed = 3;

    /// <summary>Exit code of <c>diff</c> when the infrastructure differs from the snapshots.</summary>
    public const int Changed = 1;

    public static RootCommand Create(string defaultEnvironments, string defaultOutput, string defaultImageTag = PlatformApp.DefaultImageTag)
    {
        var environments = new Option<DirectoryInfo>("--environments", "-e")
        {
            Description = "Folder holding platform.yaml and one <environment>.yaml each (env: SRP_ENVIRONMENTS)",
            DefaultValueFactory = _ => new DirectoryInfo(defaultEnvironments),
        };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Where the Terraform JSON goes (env: CDKTF_OUTDIR, set by `cdktf synth`)",
            DefaultValueFactory = _ => new DirectoryInfo(defaultOutput),
        };
        var imageTag = new Option<string>("--image-tag")
        {
            Description = "Tag of the app image the services run, e.g. the commit (env: SRP_IMAGE_TAG)",
            DefaultValueFactory = _ => defaultImageTag,
        };
        imageTag.Validators.Add(result =>
        {
            var tag = result.GetValueOrDefault<string>();
            if (!ImageTag.IsValid(tag))
                result.AddError($"--image-tag '{tag}' is not a Docker tag: 1-128 of letters, digits, _ . -, not starting with . or -");
        });
        var validateOnly = new Option<bool>("--validate-only")
        {
            Description = "Check the environment files and report every problem; write nothing",
        };
        var primaryRegionDown = new Option<bool>("--primary-region-down")
        {
            Description = "Write the DR stack to need nothing in the primary region: state in the bucket's replica, no replication from production (runbook: Primary region down)",
        };
        var command = new RootCommand("Synthesizes the Student Records Platform's Terraform stacks from environments/*.yaml")
        {
            environments, output, imageTag, validateOnly, primaryRegionDown,
        };
        command.SetAction(parse => Run(parse.GetValue(environments)!, parse.GetValue(output)!, parse.GetValue(imageTag)!, parse.GetValue(validateOnly), parse.GetValue(primaryRegionDown)));

        var snapshots = new Option<DirectoryInfo>("--snapshots")
        {
            Description = "The committed snapshots to compare with",
            DefaultValueFactory = _ => new DirectoryInfo("snapshots"),
        };
        var diff = new Command("diff", "Synthesize afresh (cdktf.out untouched) and print, per stack, resources added, removed and changed against the snapshots; exit 1 when anything changed")
        {
            environments, imageTag, snapshots,
        };
        diff.SetAction(parse => Diff(parse.GetValue(environments)!, parse.GetValue(imageTag)!, parse.GetValue(snapshots)!));
        command.Subcommands.Add(diff);

        var cost = new Command("cost", "Print the monthly cost of each environment and of the edge, from the model and the committed price table")
        {
            environments,
        };
        cost.SetAction(parse =>
        {
            if (Load(parse.GetValue(environments)!) is not { } model) return InvalidModel;
            try
            {
                Console.Write(CostEstimate.Render(CostEstimate.For(model), model.Platform.Cost));
                return 0;
            }
            catch (InvalidOperationException e) // a region or class the price table lacks
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        command.Subcommands.Add(cost);

        var watch = new Command("watch", "Stay running: re-synthesize on every save under the environments folder and print the diff against the snapshots, or every model error")
        {
            environments, imageTag, snapshots,
        };
        watch.SetAction((parse, cancel) => WatchCommand.RunAsync(parse.GetValue(environments)!, parse.GetValue(snapshots)!, parse.GetValue(imageTag)!, Console.Out, cancel));
        command.Subcommands.Add(watch);
        return command;
    }

    private static int Diff(DirectoryInfo environments, string imageTag, DirectoryInfo snapshots)
    {
        if (Load(environments) is not { } model) return InvalidModel;
        var outdir = Directory.CreateTempSubdirectory("srp-diff-").FullName;
        try
        {
            PlatformApp.Build(model, outdir, imageTag).Synth();
            var changes = SnapshotComparison.Compare(outdir, snapshots.FullName);
            foreach (var stack in changes) Console.Write(DiffReport.Render(stack));
            return changes.Any(c => c.Any) ? Changed : 0;
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }

    private static PlatformModel? Load(DirectoryInfo environments)
    {
        try
        {
            return ModelLoader.Load(environments.FullName);
        }
        catch (ModelException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Nothing was written.");
            return null;
        }
    }

    private static int Run(DirectoryInfo environments, DirectoryInfo output, string imageTag, bool validateOnly, bool primaryRegionDown)
    {
        if (Load(environments) is not { } model) return InvalidModel;

        var names = string.Join(", ", model.Environments.Select(e => $"{e.Name} ({e.Role.ToString().ToLowerInvariant()}, {e.Region})"));
        if (validateOnly)
        {
            Console.WriteLine($"The model is valid: {names}.");
            return 0;
        }
        try
        {
            AtomicOutput.Replace(output.FullName, staging => PlatformApp.Build(model, staging, imageTag, primaryRegionDown).Synth());
        }
        catch (InvalidOperationException e) // a value the synth has no data for, e.g. an instance class's connection limit
        {
            Console.Error.WriteLine($"Synthesis failed: {e.Message}");
            Console.Error.WriteLine("Nothing was written.");
            return SynthesisFailed;
        }
        Console.WriteLine($"Synthesized {PlatformApp.StateStackName}, {names} and {PlatformApp.EdgeStackName} into {output.FullName}.");
        if (primaryRegionDown)
            Console.WriteLine($"With the primary region down: apply only {string.Join(", ", model.Standbys.Select(s => s.Name))}, after `terraform init -reconfigure` (runbook, Primary region down).");
        return 0;
    }
}
