using System.Text.RegularExpressions;
using StudentRecords.Model.Tests;
using YamlDotNet.RepresentationModel;

namespace StudentRecords.Synth.Tests;

/// <summary>The GitHub workflows cannot run here; what can be checked here is checked.</summary>
public sealed partial class WorkflowTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, ".github", "workflows");

    public static TheoryData<string> Workflows => [.. Directory.GetFiles(Folder, "*.yml").Select(f => Path.GetFileName(f)).Order()];

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node, string key) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(p =>
            (p.Key is YamlScalarNode { Value: var k } && k == key && p.Value is YamlScalarNode v ? [v] : Array.Empty<YamlScalarNode>())
            .Concat(Scalars(p.Value, key))),
        YamlSequenceNode sequence => sequence.Children.SelectMany(c => Scalars(c, key)),
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Workflows))]
    public void IsValidYamlWithJobs(string file)
    {
        var root = Load(file);

        Assert.True(root.Children.ContainsKey("on"), $"{file} has no trigger");
        Assert.NotEmpty(((YamlMappingNode)root.Children["jobs"]).Children);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryActionIsPinnedToAMajorTagOrACommit(string file)
    {
        foreach (var uses in Scalars(Load(file), "uses").Select(s => s.Value!))
            Assert.True(uses.StartsWith("./", StringComparison.Ordinal) || PinnedAction().IsMatch(uses), $"{file}: '{uses}' is pinned to neither a major tag nor a full commit SHA");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryPathItNamesExists(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var paths = RepositoryPath().Matches(text).Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(paths);
        foreach (var path in paths.Where(p => !p.StartsWith("tests/artifacts", StringComparison.Ordinal))) // written by the tests
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, path)) || Directory.Exists(Path.Combine(RepositoryPaths.Root, path)), $"{file} names {path}, which does not exist");
        foreach (var script in Scalars(Load(file), "run").SelectMany(r => NpmScript().Matches(r.Value!)).Select(m => m.Groups[1].Value))
            Assert.Contains($"\"{script}\":", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json")));
    }

    [Fact]
    public void DeployUsesOidcAndReviewedEnvironmentsNotStoredKeys()
    {
        var deploy = File.ReadAllText(Path.Combine(Folder, "deploy.yml"));
        var apply = File.ReadAllText(Path.Combine(Folder, "apply-stack.yml"));

        Assert.Contains("id-token: write", deploy);
        Assert.Contains("role-to-assume:", apply);
        Assert.Contains("environment: ${{ inputs.environment }}", apply);
        Assert.DoesNotContain("aws-access-key-id", deploy + apply);
        Assert.True(deploy.IndexOf("stack: state", StringComparison.Ordinal) < deploy.IndexOf("stack: production", StringComparison.Ordinal)
            && deploy.IndexOf("stack: production", StringComparison.Ordinal) < deploy.IndexOf("stack: dr", StringComparison.Ordinal)
            && deploy.IndexOf("stack: dr", StringComparison.Ordinal) < deploy.IndexOf("stack: edge", StringComparison.Ordinal), "apply order is state, production, dr, edge");
    }

    [GeneratedRegex(@"^[\w.-]+/[\w./-]+@(v\d+|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();

    // Repository-relative paths the workflows use: scripts, config and folders under the fixed layout.
    [GeneratedRegex(@"(?<![\w./-])(?:\.checkov\.yaml|package-lock\.json|Directory\.Packages\.props|(?:app|synth|tests|\.github)/[\w./-]*[\w-])")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"npm run (?:--silent )?([\w:]+)")]
    private static partial Regex NpmScript();
}
