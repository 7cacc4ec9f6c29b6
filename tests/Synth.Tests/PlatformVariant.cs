using System.Text.Json.Nodes;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>Synthesizes the committed environments with one change, to see what the change does to the stacks.</summary>
public static class PlatformVariant
{
    public static IReadOnlyDictionary<string, TerraformJson> Synthesize(Action<EnvironmentFolder> change)
    {
        using var environments = new EnvironmentFolder();
        change(environments);
        var outdir = Directory.CreateTempSubdirectory("srp-variant-").FullName;
        try
        {
            PlatformApp.Build(environments.Load(), outdir).Synth();
            return Directory.GetDirectories(Path.Combine(outdir, "stacks")).ToDictionary(
                dir => Path.GetFileName(dir)!,
                dir => new TerraformJson(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "cdk.tf.json")))!.AsObject()));
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }
}
