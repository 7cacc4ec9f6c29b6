using System.Diagnostics;
using System.Runtime.InteropServices;
using StudentRecords.Model;
using StudentRecords.Synth.Review;

namespace StudentRecords.Synth.Watching;

/// <summary>
/// Keeps one synth process alive and re-synthesizes on every save under the environments folder: the jsii runtime
/// starts once, so a change is reported in a fraction of a second. Each report is the semantic diff against the
/// snapshots, or every model error with its file and path; neither ends the watch, only cancellation does.
/// </summary>
public static class WatchCommand
{
    public static async Task<int> RunAsync(DirectoryInfo environments, DirectoryInfo snapshots, string imageTag, TextWriter output, CancellationToken cancel)
    {
        // Ctrl-C (SIGINT) and SIGTERM end the watch through its token, so the process exits normally and its
        // temp folder is deleted, instead of the runtime's default of dying on the signal.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var changes = new EnvironmentChanges(environments.FullName);
        output.WriteLine($"Watching {environments.FullName} against {snapshots.FullName}; Ctrl-C stops.");
        Report(environments, snapshots, imageTag, output, new Save([], Stopwatch.GetTimestamp()));
        while (true)
        {
            Save save;
            try
            {
                save = await changes.NextAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("Stopped watching.");
                return 0;
            }
            Report(environments, snapshots, imageTag, output, save);
        }
    }

    private static void Report(DirectoryInfo environments, DirectoryInfo snapshots, string imageTag, TextWriter output, Save save)
    {
        output.WriteLine(save.Files.Count == 0 ? "-- the model as it is" : $"-- {string.Join(", ", save.Files)} saved");
        output.Write(Synthesize(environments, snapshots, imageTag));
        output.WriteLine($"-- reported {Stopwatch.GetElapsedTime(save.At).TotalMilliseconds:F0} ms after the save; watching");
        output.Flush();
    }

    private static string Synthesize(DirectoryInfo environments, DirectoryInfo snapshots, string imageTag)
    {
        PlatformModel model;
        try
        {
            model = ModelLoader.Load(environments.FullName);
        }
        catch (ModelException e)
        {
            return e.Message + Environment.NewLine;
        }
        var outdir = Directory.CreateTempSubdirectory("srp-watch-").FullName;
        try
        {
            PlatformApp.Build(model, outdir, imageTag).Synth();
            var changed = SnapshotComparison.Compare(outdir, snapshots.FullName).Where(stack => stack.Any).ToList();
            return changed.Count == 0 ? "No change against the snapshots." + Environment.NewLine : string.Concat(changed.Select(DiffReport.Render));
        }
        catch (InvalidOperationException e) // a value the synth has no data for, e.g. an instance class's connection limit
        {
            return $"Synthesis failed: {e.Message}{Environment.NewLine}";
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }
}
