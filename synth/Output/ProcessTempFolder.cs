namespace StudentRecords.Synth.Output;

/// <summary>
/// Points this process's temp folder (TMPDIR, inherited by the jsii Node.js child) at a folder of its
/// own and deletes it on dispose: the jsii runtime unpacks itself and every package tarball into the
/// temp folder on each start and never cleans up (~5 MB a run here, ~39 MB with the full provider).
/// </summary>
public sealed class ProcessTempFolder : IDisposable
{
    private const string Variable = "TMPDIR";
    private readonly string? previous;

    private ProcessTempFolder()
    {
        previous = Environment.GetEnvironmentVariable(Variable);
        Path = Directory.CreateTempSubdirectory($"srp-synth-{Environment.ProcessId}-").FullName;
        Environment.SetEnvironmentVariable(Variable, Path);
    }

    public string Path { get; }

    public static ProcessTempFolder Enter() => new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, previous);
        Directory.Delete(Path, recursive: true);
    }
}
