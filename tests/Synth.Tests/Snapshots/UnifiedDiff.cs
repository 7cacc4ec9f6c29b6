using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace StudentRecords.Synth.Tests.Snapshots;

/// <summary>A unified-style line diff with a few lines of context, for failure messages a reviewer can read.</summary>
public static class UnifiedDiff
{
    public static string Render(string expected, string actual, int context = 3, int maxLines = 200)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type != ChangeType.Unchanged).Select(x => x.i).ToList();
        var shown = new StringBuilder();
        var last = -1;
        var count = 0;
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            if (!changed.Any(c => Math.Abs(c - i) <= context)) continue;
            if (last >= 0 && i > last + 1) shown.AppendLine("@@ … @@");
            if (++count > maxLines) { shown.AppendLine($"… {changed.Count} changed lines in all"); break; }
            var mark = line.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
            shown.Append(mark).Append(' ').AppendLine(line.Text);
            last = i;
        }
        return shown.ToString();
    }
}
