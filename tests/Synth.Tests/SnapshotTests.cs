using StudentRecords.Synth.Tests.Snapshots;

namespace StudentRecords.Synth.Tests;

[Collection(SynthCollection.Name)]
public sealed class SnapshotTests(SynthesizedPlatform platform)
{
    public static TheoryData<string> Stacks => [.. SynthesizedPlatform.StackNames];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackMatchesItsCommittedSnapshot(string stack) =>
        SnapshotAssert.Matches($"{stack}.tf.json", CanonicalJson.Normalize(platform.StackText(stack)));

    [Fact]
    public void EveryStackHasASnapshotAndNoSnapshotIsOrphaned()
    {
        var committed = Directory.GetFiles(SnapshotAssert.Folder, "*.tf.json")
            .Select(Path.GetFileName)
            .Where(f => !f!.Contains(".received.", StringComparison.Ordinal))
            .Select(f => f![..^".tf.json".Length]);

        Assert.Equal(SynthesizedPlatform.StackNames.Order(), committed.Order());
        Assert.Equal(SynthesizedPlatform.StackNames.Order(), Directory.GetDirectories(Path.Combine(platform.Outdir, "stacks")).Select(Path.GetFileName).Order());
    }
}
