using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>The committed environments, synthesized once for the whole test assembly.</summary>
public sealed class SynthesizedPlatform : IDisposable
{
    public SynthesizedPlatform()
    {
        Model = ModelLoader.Load(RepositoryPaths.Environments);
        Outdir = Directory.CreateTempSubdirectory("srp-synth-").FullName;
        PlatformApp.Build(Model, Outdir).Synth();
    }

    public PlatformModel Model { get; }

    public string Outdir { get; }

    public static IReadOnlyList<string> StackNames => ["state", "production", "dr", "edge"];

    public string StackText(string stack) => File.ReadAllText(Path.Combine(Outdir, "stacks", stack, "cdk.tf.json"));

    public TerraformJson Stack(string stack) => new(JsonNode.Parse(StackText(stack))!.AsObject());

    public void Dispose() => Directory.Delete(Outdir, recursive: true);
}
