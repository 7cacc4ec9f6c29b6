namespace StudentRecords.Synth.Output;

/// <summary>
/// Produces a folder beside the target and swaps it in only when complete, so a failed run
/// leaves the previous output exactly as it was.
/// </summary>
public static class AtomicOutput
{
    public static void Replace(string target, Action<string> produce)
    {
        var full = Path.GetFullPath(target);
        var staging = $"{full}.staging-{Environment.ProcessId}";
        var previous = $"{full}.previous-{Environment.ProcessId}";
        DeleteIfPresent(staging);
        try
        {
            produce(staging);
        }
        catch
        {
            DeleteIfPresent(staging);
            throw;
        }
        if (Directory.Exists(full)) Directory.Move(full, previous);
        Directory.Move(staging, full);
        DeleteIfPresent(previous);
    }

    private static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
