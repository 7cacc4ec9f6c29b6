using System.Diagnostics;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// synth/run.sh republishes the synth app when synth/inputs-stamp.sh prints a new hash: every change the
/// build would see must change it (or a stale app runs), and build output must not (or every run rebuilds).
/// </summary>
public sealed class InputsStampTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("srp-stamp-");

    public InputsStampTests()
    {
        foreach (var file in new[]
        {
            "synth/Program.cs", "synth/Lambda/recovery/index.mjs", "model/ModelLoader.cs", "Directory.Build.props",
            "Directory.Packages.props", "NuGet.config", ".bindings/Bindings.props",
            "synth/bin/app/StudentRecords.Synth.dll", "synth/obj/project.assets.json", "model/bin/Debug/m.dll", "synth/bindings/aws-namespaces.txt",
        })
            Write(file, "first");
    }

    public void Dispose() => root.Delete(recursive: true);

    private void Write(string file, string content)
    {
        var path = Path.Combine(root.FullName, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private string Stamp()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "synth", "inputs-stamp.sh"), root.FullName]) { RedirectStandardOutput = true };
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEnd().Trim();
        script.WaitForExit();
        Assert.Equal(0, script.ExitCode);
        return output;
    }

    [Theory]
    [InlineData("synth/Program.cs")]
    [InlineData("synth/Lambda/recovery/index.mjs")]
    [InlineData("model/ModelLoader.cs")]
    [InlineData("model/Validation/NewRules.cs")]
    [InlineData("Directory.Packages.props")]
    [InlineData(".bindings/Bindings.props")]
    public void AChangedOrAddedInputChangesTheStamp(string file)
    {
        var before = Stamp();

        Write(file, "second");

        Assert.NotEqual(before, Stamp());
    }

    [Fact]
    public void BuildOutputTheBindingsFolderAndFileTimesDoNot()
    {
        var before = Stamp();

        Write("synth/bin/app/StudentRecords.Synth.dll", "rebuilt");
        Write("synth/obj/project.assets.json", "restored");
        Write("model/bin/Debug/m.dll", "rebuilt");
        Write("synth/bindings/aws-namespaces.txt", "edited"); // reaches the build as a new .bindings/Bindings.props
        File.SetLastWriteTimeUtc(Path.Combine(root.FullName, "synth/Program.cs"), DateTime.UtcNow.AddHours(1));

        Assert.Equal(before, Stamp());
    }
}
