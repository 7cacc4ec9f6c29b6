namespace StudentRecords.Model.Loading;

/// <summary>Remembers the line of every YAML path read, so later checks can point at the line too.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<(string File, string Path), int> lines = [];

    internal void Record(string file, string path, int line) => lines.TryAdd((file, path), line);

    /// <summary>The line of <paramref name="path"/>, or of its nearest parent that was read.</summary>
    public int? LineOf(string file, string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (lines.TryGetValue((file, p), out var line)) return line;
            if (p.Length == 0) return null;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
