using System.IO.Compression;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Tests;

/// <summary>A Lambda package's bytes depend on its files' names and contents only.</summary>
public sealed class LambdaPackageTests : IDisposable
{
    private readonly DirectoryInfo source = Directory.CreateTempSubdirectory("srp-lambda-source-");
    private readonly List<string> built = [];

    public void Dispose()
    {
        source.Delete(recursive: true);
        foreach (var folder in built.Select(Path.GetDirectoryName).Distinct()) Directory.Delete(folder!, recursive: true);
    }

    private LambdaPackage Build()
    {
        var package = LambdaPackage.Build(source.FullName);
        built.Add(package.Path);
        return package;
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(source.FullName, name), content);

    [Fact]
    public void SameFilesGiveTheSameBytesWhateverTheirTimesOrCreationOrder()
    {
        Write("b.mjs", "export const b = 1;");
        Write("a.mjs", "export const a = 1;");
        var first = File.ReadAllBytes(Build().Path);

        File.SetLastWriteTimeUtc(Path.Combine(source.FullName, "a.mjs"), new DateTime(2031, 5, 4, 3, 2, 1, DateTimeKind.Utc));
        File.Delete(Path.Combine(source.FullName, "b.mjs"));
        Write("b.mjs", "export const b = 1;");

        Assert.Equal(first, File.ReadAllBytes(Build().Path));
    }

    [Fact]
    public void AChangedFileGivesANewPackageAndHash()
    {
        Write("index.mjs", "export const handler = () => 1;");
        var before = Build();

        Write("index.mjs", "export const handler = () => 2;");
        var after = Build();

        Assert.NotEqual(before.Base64Sha256, after.Base64Sha256);
        Assert.NotEqual(before.Path, after.Path);
        Assert.Equal("export const handler = () => 1;", EntryText(before.Path, "index.mjs")); // the earlier package is intact
    }

    [Fact]
    public void EntriesAreSortedAtAFixedTimeAndReadableByAll()
    {
        Directory.CreateDirectory(Path.Combine(source.FullName, "lib"));
        Write("lib/util.mjs", "export {};");
        Write("index.mjs", "export {};");

        using var zip = ZipFile.OpenRead(Build().Path);

        Assert.Equal(["index.mjs", "lib/util.mjs"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.All(zip.Entries, e => Assert.Equal(Convert.ToInt32("100644", 8), e.ExternalAttributes >>> 16));
    }

    [Fact]
    public void AnEmptyFolderIsRefusedByName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build());

        Assert.Contains(source.FullName, error.Message);
    }

    private static string EntryText(string package, string name)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
