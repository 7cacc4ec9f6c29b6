using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// synth/bindings/verified-download.sh: what the bindings bootstrap downloads is used only when its
/// SHA-256 is the committed one. Run on file:// URLs, so nothing leaves the machine.
/// </summary>
public sealed class VerifiedDownloadTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("srp-download-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void AFileWithItsCommittedHashIsUsed()
    {
        var source = Published("package.nupkg", "the genuine bytes");
        WriteList($"{Sha256(source)}  package.nupkg");

        var (code, errors) = Run(source, "package.nupkg");

        Assert.True(code == 0, errors);
        Assert.Equal("the genuine bytes", File.ReadAllText(Output));
    }

    [Fact]
    public void AFileWithAnotherHashStopsWithBothHashesAndIsNotUsed()
    {
        var source = Published("package.nupkg", "tampered bytes");
        var committed = Convert.ToHexStringLower(SHA256.HashData("the genuine bytes"u8));
        WriteList($"{committed}  package.nupkg");

        var (code, errors) = Run(source, "package.nupkg");

        Assert.NotEqual(0, code);
        Assert.Contains($"package.nupkg does not match its committed SHA-256: expected {committed}, downloaded {Sha256(source)}", errors);
        Assert.False(File.Exists(Output));
        Assert.Empty(folder.GetFiles("*.partial"));
    }

    [Fact]
    public void AFileWithNoCommittedHashIsRefused()
    {
        var source = Published("other.nupkg", "anything");
        WriteList("0000000000000000000000000000000000000000000000000000000000000000  package.nupkg");

        var (code, errors) = Run(source, "other.nupkg");

        Assert.NotEqual(0, code);
        Assert.Contains("no SHA-256 for other.nupkg", errors);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void TheCommittedListCoversTheRuntimeTheBootstrapDownloads()
    {
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json")))!;
        var pacmak = (string)package["devDependencies"]!["jsii-pacmak"]!;
        var list = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "synth", "bindings", "downloads.sha256"));

        Assert.Contains(list, line => line.EndsWith($"  amazon.jsii.runtime.{pacmak}.nupkg", StringComparison.Ordinal) && line.Split("  ")[0].Length == 64);
    }

    private string Output => Path.Combine(folder.FullName, "out.nupkg");

    private string Published(string name, string content)
    {
        var path = Path.Combine(folder.FullName, "published-" + name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The script beside a list of this test's own, as it finds downloads.sha256 beside itself.</summary>
    private void WriteList(string line)
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "synth", "bindings", "verified-download.sh"), Path.Combine(folder.FullName, "verified-download.sh"));
        File.WriteAllText(Path.Combine(folder.FullName, "downloads.sha256"), line + "\n");
    }

    private (int Code, string Errors) Run(string source, string name)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(folder.FullName, "verified-download.sh"), new Uri(source).AbsoluteUri, name, Output]) { RedirectStandardError = true };
        using var script = Process.Start(start)!;
        var errors = script.StandardError.ReadToEnd();
        script.WaitForExit();
        return (script.ExitCode, errors);
    }
}
