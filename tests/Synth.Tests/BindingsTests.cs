using System.Text.RegularExpressions;
using HashiCorp.Cdktf.Providers.Aws.Provider;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>The trimmed provider package holds exactly the namespaces the code uses, and the committed list says which.</summary>
public sealed partial class BindingsTests
{
    private static string ListFile => Path.Combine(RepositoryPaths.Root, "synth", "bindings", "aws-namespaces.txt");

    private static IReadOnlyList<string> CommittedList() =>
        [.. File.ReadAllLines(ListFile).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Fact]
    public void NamespaceListIsInStepWithTheCode()
    {
        var used = new[] { "synth", "tests" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => AwsNamespace().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Append(typeof(AwsProvider).Namespace!)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.True(used.SequenceEqual(CommittedList()),
            "synth/bindings/aws-namespaces.txt is out of step with the code; run synth/bindings/bootstrap.sh (the README commands do) and commit the list");
    }

    [Fact]
    public void BuiltPackageHoldsExactlyTheListedNamespaces()
    {
        var built = typeof(AwsProvider).Assembly.GetExportedTypes()
            .Select(t => t.Namespace!)
            .Where(ns => ns.StartsWith("HashiCorp.Cdktf.Providers.Aws.", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns.Split('.').Take(5)))
            .Where(ns => !ns.EndsWith(".Internal", StringComparison.Ordinal)) // jsii's dependency anchor, in every package
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(CommittedList(), built);
    }

    [GeneratedRegex(@"HashiCorp\.Cdktf\.Providers\.Aws\.[A-Z][A-Za-z0-9]*")]
    private static partial Regex AwsNamespace();
}
