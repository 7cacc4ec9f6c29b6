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

    private static YamlMappingNode Jobs(string file) => (YamlMappingNode)Load(file).Children["jobs"];

    private static IEnumerable<string> Needs(YamlNode job) =>
        ((YamlMappingNode)job).Children.TryGetValue("needs", out var needs)
            ? needs is YamlSequenceNode list ? list.Children.Select(n => ((YamlScalarNode)n).Value!) : [((YamlScalarNode)needs).Value!]
            : [];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryNeedsNamesAJobOfTheSameWorkflow(string file)
    {
        var jobs = Jobs(file);
        var names = jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();

        foreach (var (name, job) in jobs.Children)
            Assert.All(Needs(job), needed => Assert.True(names.Contains(needed), $"{file}: job {name} needs '{needed}', which is not a job"));
    }

    /// <summary>An artifact is downloaded only by a job that runs after (needs, directly or not) the job that uploads it.</summary>
    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryArtifactDownloadedIsUploadedByAJobBeforeIt(string file)
    {
        var jobs = Jobs(file).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value);
        string? Artifact(YamlNode step, string action) =>
            step is YamlMappingNode map && map.Children.TryGetValue("uses", out var uses) && ((YamlScalarNode)uses).Value!.StartsWith(action, StringComparison.Ordinal)
                ? ((YamlScalarNode)((YamlMappingNode)map.Children["with"]).Children["name"]).Value : null;
        IEnumerable<YamlNode> Steps(YamlNode job) => ((YamlMappingNode)job).Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children : [];
        HashSet<string> Before(string job) => [.. Needs(jobs[job]).SelectMany(n => Before(n).Append(n))];

        foreach (var (name, job) in jobs)
            foreach (var artifact in Steps(job).Select(s => Artifact(s, "actions/download-artifact@")).OfType<string>())
                Assert.True(Before(name).Any(b => Steps(jobs[b]).Any(s => Artifact(s, "actions/upload-artifact@") == artifact)),
                    $"{file}: job {name} downloads '{artifact}', which no job it needs uploads");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EverySecretAndVariableItUsesIsListedInTheReadme(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        foreach (var used in ContextReference().Matches(text).Select(m => m.Value).Distinct())
            Assert.True(readme.Contains(used, StringComparison.Ordinal), $"{file} uses {used}, which README does not list");
    }

    [Fact]
    public void ReviewersApproveAfterThePlanAndTheApplyUsesExactlyThatPlan()
    {
        var jobs = Jobs("apply-stack.yml").Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)p.Value);
        var text = File.ReadAllText(Path.Combine(Folder, "apply-stack.yml"));

        Assert.False(jobs["plan"].Children.ContainsKey("environment")); // the plan exists before anyone is asked
        Assert.Equal("${{ inputs.environment }}", ((YamlScalarNode)jobs["apply"].Children["environment"]).Value);
        Assert.Equal(["plan"], Needs(jobs["apply"]));
        Assert.Contains("terraform show -no-color plan.tfplan > plan.txt", text);
        Assert.Contains("GITHUB_STEP_SUMMARY", text);
        Assert.Contains("terraform apply -input=false plan.tfplan", text);
        Assert.DoesNotContain("terraform plan", Scalars(jobs["apply"], "run").Select(r => r.Value!).Aggregate("", string.Concat));
    }

    [Fact]
    public void AFirstDeployCreatesTheRepositoryBeforeThePushAndThePushPrecedesProduction()
    {
        var jobs = Jobs("deploy.yml").Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value);

        Assert.Equal(["registry"], Needs(jobs["image"]));
        Assert.Equal(["image"], Needs(jobs["production"]));
        Assert.Contains("-target=aws_ecr_repository.", File.ReadAllText(Path.Combine(Folder, "deploy.yml")));
    }

    [Fact]
    public void TheTestJobRunsOnTheDistributionThePrerequisitesSupport()
    {
        var test = (YamlMappingNode)Jobs("ci.yml").Children["test"];
        var image = ((YamlScalarNode)((YamlMappingNode)test.Children["container"]).Children["image"]).Value;

        Assert.Equal("debian:bookworm", image);
        Assert.Contains("bookworm", File.ReadAllText("/etc/os-release")); // the machine these tests pass on
        Assert.DoesNotContain(Scalars(Load("ci.yml"), "run"), r => r.Value!.Contains("terraform fmt", StringComparison.Ordinal)); // it ignores .tf.json
    }

    /// <summary>global.json pins the SDK's feature band; every workflow installs that SDK, not whatever 10.0 is newest.</summary>
    [Fact]
    public void EveryWorkflowInstallsTheSdkGlobalJsonPins()
    {
        var pinned = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "global.json")))!["sdk"]!;

        Assert.Equal("latestPatch", (string?)pinned["rollForward"]);
        Assert.StartsWith(Environment.Version.ToString(2), (string?)pinned["version"]); // the SDK of the runtime these tests run on
        foreach (var file in Directory.GetFiles(Folder, "*.yml"))
        {
            var setups = Regex.Matches(File.ReadAllText(file), @"uses: actions/setup-dotnet@v\d+\n\s+with:\n\s+([\w-]+):").Select(m => m.Groups[1].Value).ToList();
            Assert.All(setups, key => Assert.Equal("global-json-file", key));
        }
    }

    [GeneratedRegex(@"\b(?:secrets|vars)\.[A-Z][A-Z0-9_]*")]
    private static partial Regex ContextReference();

    [GeneratedRegex(@"^[\w.-]+/[\w./-]+@(v\d+|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();

    // Repository-relative paths the workflows use: scripts, config and folders under the fixed layout.
    [GeneratedRegex(@"(?<![\w./-])(?:\.checkov\.yaml|package-lock\.json|Directory\.Packages\.props|(?:app|synth|tests|\.github)/[\w./-]*[\w-])")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"npm run (?:--silent )?([\w:]+)")]
    private static partial Regex NpmScript();
}
