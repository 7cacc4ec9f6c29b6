using StudentRecords.Model;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

[Collection(SynthCollection.Name)]
public sealed class DeterminismTests(SynthesizedPlatform platform)
{
    [Fact]
    public void SynthesizingAgainFromAnotherFolderGivesByteIdenticalOutput()
    {
        var copy = Directory.CreateTempSubdirectory("srp-env-copy-").FullName;
        var outdir = Directory.CreateTempSubdirectory("srp-synth-again-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.Environments))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            PlatformApp.Build(ModelLoader.Load(copy), outdir).Synth();

            var first = Files(platform.Outdir);
            var second = Files(outdir);
            Assert.Equal(first.Keys, second.Keys);
            foreach (var (name, bytes) in first)
                Assert.True(bytes.SequenceEqual(second[name]), $"{name} differs between two synths of the same model");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
            Directory.Delete(outdir, recursive: true);
        }
    }

    [Fact]
    public void OutputNamesNoPathMachineOrUser()
    {
        var forbidden = new[] { platform.Outdir, RepositoryPaths.Root, Environment.MachineName, $"/{Environment.UserName}/" };
        foreach (var (name, bytes) in Files(platform.Outdir))
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            foreach (var word in forbidden)
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{name} contains '{word}'");
        }
    }

    private static SortedDictionary<string, byte[]> Files(string root) => new(
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes),
        StringComparer.Ordinal);
}
