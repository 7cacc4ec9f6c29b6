using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Review;

namespace StudentRecords.Synth.Tests.Snapshots;

/// <summary>
/// Compares output with its committed snapshot. On a difference it writes the new output beside the
/// snapshot as <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored) and fails with a readable diff.
/// </summary>
public static class SnapshotAssert
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "snapshots");

    public static void Matches(string fileName, string actual)
    {
        var path = Path.Combine(Folder, fileName);
        var received = Path.Combine(Folder, ReceivedName(fileName));
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var why = expected is null ? "has no snapshot yet" : "differs from its snapshot";
        Assert.Fail($"""
            {fileName} {why}. New output: snapshots/{ReceivedName(fileName)}
            If every change below is intended, accept it (see README, "Accepting snapshot changes").

            {SemanticDiff(fileName, expected, actual)}
            {UnifiedDiff.Render(expected ?? "", actual)}
            """);
    }

    /// <summary>For a stack, the same report as `synth diff`: what Terraform will add, remove, change or replace.</summary>
    private static string SemanticDiff(string fileName, string? expected, string actual) =>
        fileName.EndsWith(".tf.json", StringComparison.Ordinal)
            ? DiffReport.Render(StackDiff.Compare(fileName[..^".tf.json".Length], expected is null ? null : JsonNode.Parse(expected)!.AsObject(), JsonNode.Parse(actual)!.AsObject()))
            : "";

    public static string ReceivedName(string fileName)
    {
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        return $"{fileName[..dot]}.received{fileName[dot..]}";
    }
}
