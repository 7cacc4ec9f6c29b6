using System.Text.Json.Nodes;

namespace StudentRecords.Synth.Review;

/// <summary>Compares a synthesized output folder with the committed snapshots, stack by stack.</summary>
public static class SnapshotComparison
{
    public static IReadOnlyList<StackChanges> Compare(string outdir, string snapshots)
    {
        var fresh = Directory.GetDirectories(Path.Combine(outdir, "stacks")).Select(d => Path.GetFileName(d)!);
        var committed = Directory.Exists(snapshots)
            ? Directory.GetFiles(snapshots, "*.tf.json").Select(f => Path.GetFileName(f)[..^".tf.json".Length]).Where(n => !n.Contains(".received", StringComparison.Ordinal))
            : [];
        return [.. fresh.Union(committed).Order(StringComparer.Ordinal).Select(stack => StackDiff.Compare(stack,
            Read(Path.Combine(snapshots, $"{stack}.tf.json")),
            Read(Path.Combine(outdir, "stacks", stack, "cdk.tf.json"))))];
    }

    private static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
}
