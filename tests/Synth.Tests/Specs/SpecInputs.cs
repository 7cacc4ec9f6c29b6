using System.Text.Json.Nodes;
using StudentRecords.Model;
using StudentRecords.Model.Tests;
using StudentRecords.Synth.Output;

namespace StudentRecords.Synth.Tests.Specs;

/// <summary>Inputs several specs share: the committed environments, the recovery Lambdas' package, and policy-reading helpers.</summary>
public static class SpecInputs
{
    public const string AccountId = "111122223333";

    private static readonly Lazy<PlatformModel> LoadedModel = new(() => ModelLoader.Load(RepositoryPaths.Environments));

    private static readonly Lazy<LambdaPackage> RecoveryPackage = new(() => LambdaPackage.Build(Path.Combine(RepositoryPaths.Root, "synth", "Lambda", "recovery")));

    /// <summary>The committed environments (production primary, dr standby).</summary>
    public static PlatformModel Model => LoadedModel.Value;

    /// <summary>A real Lambda package, for constructs that only point at one.</summary>
    public static LambdaPackage Package => RecoveryPackage.Value;

    /// <summary>The statements of a policy document, by sid.</summary>
    public static JsonObject Statement(JsonObject document, string sid) =>
        Assert.Single(document["statement"]!.AsArray(), s => s!["sid"]?.GetValue<string>() == sid)!.AsObject();

    public static IReadOnlyList<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(v => v!.GetValue<string>())];
}
