using System.Text;

namespace StudentRecords.Synth.Review;

/// <summary>Renders stack changes as text a reviewer reads in a minute (also the snapshot tests' failure message).</summary>
public static class DiffReport
{
    public static string Render(StackChanges changes)
    {
        var text = new StringBuilder();
        var replaced = changes.Replaced.ToList();
        text.AppendLine($"{changes.Stack}: {changes.Added.Count} added, {changes.Removed.Count} removed, {changes.Changed.Count} changed" +
            (replaced.Count + changes.Removed.Count > 0 ? $"; {replaced.Count + changes.Removed.Count} DESTROYED (removed or replaced)" : ""));
        foreach (var address in changes.Added) text.AppendLine($"  + {address}");
        foreach (var address in changes.Removed) text.AppendLine($"  - {address}   [destroyed: a renamed construct ID or a removed resource]");
        foreach (var (address, attributes) in changes.Changed)
        {
            text.AppendLine($"  ~ {address}{(attributes.Any(a => a.ForcesReplacement) ? "   [REPLACED]" : "")}");
            foreach (var a in attributes)
                text.AppendLine($"      {a.Path}: {a.Old ?? "(none)"} → {a.New ?? "(none)"}{(a.ForcesReplacement ? "   [forces replacement]" : "")}");
        }
        return text.ToString();
    }
}
