using StudentRecords.Model.Tests;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Tests;

[Collection(SynthCollection.Name)]
public sealed class CommandLineTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("srp-cli-").FullName;

    private string Environments => Path.Combine(work, "environments");

    private string Output => Path.Combine(work, "cdktf.out");

    public CommandLineTests()
    {
        Directory.CreateDirectory(Environments);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Environments))
            File.Copy(file, Path.Combine(Environments, Path.GetFileName(file)));
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "previous.txt"), "output of an earlier run");
    }

    private int Run(params string[] args) => SynthCommand.Create(Environments, Output).Parse(args).Invoke();

    private IEnumerable<string> WorkEntries() => Directory.GetFileSystemEntries(work).Select(Path.GetFileName)!;

    [Fact]
    public void InvalidModelExitsNonZeroAndLeavesThePreviousOutputAsItWas()
    {
        File.AppendAllText(Path.Combine(Environments, "dr.yaml"), "typo: 1\n");

        Assert.Equal(SynthCommand.InvalidModel, Run());

        Assert.Equal(["previous.txt"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
        Assert.Equal(["cdktf.out", "environments"], WorkEntries().Order());
    }

    [Fact]
    public void ValidateOnlyChecksTheModelAndWritesNothing()
    {
        Assert.Equal(0, Run("--validate-only"));

        Assert.Equal(["previous.txt"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void ValidateOnlyStillFailsOnABadModel()
    {
        File.WriteAllText(Path.Combine(Environments, "dr.yaml"), "role: standby\n");

        Assert.Equal(SynthCommand.InvalidModel, Run("--validate-only"));
    }

    [Fact]
    public void SynthReplacesTheOutputFolderWhole()
    {
        Assert.Equal(0, Run("--output", Output));

        Assert.False(File.Exists(Path.Combine(Output, "previous.txt")));
        Assert.True(File.Exists(Path.Combine(Output, "stacks", "production", "cdk.tf.json")));
        Assert.Equal(["cdktf.out", "environments"], WorkEntries().Order());
    }

    [Fact]
    public void FailedProductionLeavesThePreviousOutputAndNoScratchFolder()
    {
        Assert.Throws<InvalidOperationException>(() => AtomicOutput.Replace(Output, staging =>
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, "half.txt"), "half-written");
            throw new InvalidOperationException("synth failed half-way");
        }));

        Assert.Equal(["previous.txt"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
        Assert.Equal(["cdktf.out", "environments"], WorkEntries().Order());
    }

    [Fact]
    public void AnUnsupportedInstanceClassIsAModelErrorAndWritesNothing()
    {
        foreach (var file in new[] { "production.yaml", "dr.yaml" })
        {
            var path = Path.Combine(Environments, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace("instanceClass: db.t3.large", "instanceClass: db.m6g.large"));
        }

        Assert.Equal(SynthCommand.InvalidModel, Run());

        Assert.Equal(["previous.txt"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
        Assert.Equal(["cdktf.out", "environments"], WorkEntries().Order());
    }

    [Fact]
    public void BadImageTagIsRefusedBeforeAnythingIsWritten()
    {
        Assert.NotEqual(0, Run("--image-tag", "-not a tag"));

        Assert.Equal(["previous.txt"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void ImageTagReachesEveryTaskDefinition()
    {
        Assert.Equal(0, Run("--image-tag", "3f2a9c1"));

        foreach (var stack in new[] { "production", "dr" })
            Assert.Contains("repository_url}:3f2a9c1", File.ReadAllText(Path.Combine(Output, "stacks", stack, "cdk.tf.json")));
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
