using System.Diagnostics;
using System.Threading.Channels;

namespace StudentRecords.Synth.Watching;

/// <summary>One save: the files it touched and when its first event arrived (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record Save(IReadOnlyList<string> Files, long At);

/// <summary>
/// The saves of YAML files in the environments folder. An editor's save is several events (write, truncate,
/// a backup renamed), so events that follow each other within <see cref="QuietPeriod"/> are one save.
/// </summary>
public sealed class EnvironmentChanges : IDisposable
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(30);

    private readonly FileSystemWatcher watcher;
    private readonly Channel<(string File, long At)> events = Channel.CreateUnbounded<(string, long)>();

    public EnvironmentChanges(string folder)
    {
        watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => Record(e.Name);
        watcher.Created += (_, e) => Record(e.Name);
        watcher.Deleted += (_, e) => Record(e.Name);
        watcher.Renamed += (_, e) => { Record(e.OldName); Record(e.Name); };
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Waits for the next save; throws <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires.</summary>
    public async Task<Save> NextAsync(CancellationToken cancel)
    {
        var (first, at) = await events.Reader.ReadAsync(cancel);
        var files = new SortedSet<string>(StringComparer.Ordinal) { first };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            quiet.CancelAfter(QuietPeriod);
            try
            {
                files.Add((await events.Reader.ReadAsync(quiet.Token)).File);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return new Save([.. files], at);
            }
        }
    }

    public void Dispose() => watcher.Dispose();

    private void Record(string? name)
    {
        // Only the model's files; editors' swap and backup files (.swp, ~) are not saves.
        if (name is not null && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
            events.Writer.TryWrite((name, Stopwatch.GetTimestamp()));
    }
}
