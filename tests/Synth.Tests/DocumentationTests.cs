using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>What the README and docs/ name exists: every npm script, every repository path; the README stays short.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string[] TopLevel = ["app/", "model/", "synth/", "environments/", "snapshots/", "tests/", "docs/", ".github/", ".ci/"];

    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            documents.Add($"docs/{Path.GetFileName(file)}");
        return documents;
    }

    [Fact]
    public void The_readme_is_at_most_150_lines() =>
        Assert.InRange(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Length, 1, 150);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_npm_script_it_names_exists(string document)
    {
        var scripts = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json")))!["scripts"]!.AsObject();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));
        foreach (var name in NpmRun().Matches(text).Select(m => m.Groups[1].Value).Distinct())
            Assert.True(scripts.ContainsKey(name), $"{document} names `npm run {name}`, which package.json lacks");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_repository_path_it_names_exists(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));
        var baseFolder = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, document))!;
        // Output folders the tests or tools create are git-ignored, and named as such.
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".gitignore")).Where(line => line.Contains('/') && !line.StartsWith('#')).ToList();
        var named = Code().Matches(text).Select(m => m.Groups[1].Value)
            .Where(path => TopLevel.Any(top => path.StartsWith(top, StringComparison.Ordinal)) && !path.Contains('<') && !path.Contains('*') && !ignored.Any(entry => path.StartsWith(entry.TrimEnd('/'), StringComparison.Ordinal)))
            .Select(path => Path.Combine(RepositoryPaths.Root, path.TrimEnd('/')))
            .Concat(Link().Matches(text).Select(m => m.Groups[1].Value).Where(link => !link.Contains("://", StringComparison.Ordinal))
                .Select(link => Path.GetFullPath(Path.Combine(baseFolder, link.Split('#')[0]))))
            .Distinct()
            .ToList();
        Assert.NotEmpty(named);
        Assert.All(named, path => Assert.True(File.Exists(path) || Directory.Exists(path), $"{document} names {Path.GetRelativePath(RepositoryPaths.Root, path)}, which does not exist"));
    }

    [GeneratedRegex(@"npm run ([a-z][a-z:-]*)")]
    private static partial Regex NpmRun();

    [GeneratedRegex(@"`([^`\s]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
