using System.Diagnostics;
using System.Reflection;
using StudentRecords.Model;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>What keeps the code legible for the next engineer: settings named at every call site, the repository's
/// formatting, and the files that pin how it is built.</summary>
public sealed class HygieneTests
{
    private const int MaxPositionalParameters = 6;

    private static IEnumerable<Type> OurTypes =>
        new[] { typeof(PlatformApp).Assembly, typeof(PlatformModel).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));

    [Fact]
    public void No_constructor_takes_more_than_six_positional_arguments()
    {
        var tooLong = OurTypes
            .SelectMany(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(ctor => !ctor.IsPrivate && ctor.GetParameters().Length > MaxPositionalParameters)
                .Select(ctor => $"{type.FullName}({ctor.GetParameters().Length} parameters)"));
        Assert.Empty(tooLong);
    }

    [Fact]
    public void Every_construct_config_is_read_by_name_at_the_call_site()
    {
        var configs = typeof(PlatformApp).Assembly.GetTypes().Where(type => type.Name.EndsWith("Config", StringComparison.Ordinal)).ToList();
        Assert.True(configs.Count >= 30, $"only {configs.Count} config types found");
        var positional = configs
            .Where(type => type.GetConstructors().Any(ctor => ctor.GetParameters().Length > 0 && ctor.GetParameters()[0].ParameterType != type))
            .Select(type => type.Name);
        Assert.Empty(positional);
    }

    [Fact]
    public void The_sdk_is_pinned_and_every_project_is_in_the_solution()
    {
        Assert.Contains("\"version\"", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "global.json")), StringComparison.Ordinal);
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "StudentRecords.slnx"));
        var projects = new[] { "app", "model", "synth", "tests" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("synth/bindings/", StringComparison.Ordinal));
        Assert.All(projects, project => Assert.Contains($"\"{project}\"", solution, StringComparison.Ordinal));
    }

    /// <summary>The real formatter against the committed <c>.editorconfig</c>: whitespace, style and unused usings.</summary>
    [Fact]
    public async Task Dotnet_format_has_nothing_to_change()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, ".editorconfig")));
        var start = new ProcessStartInfo("dotnet", ["format", "StudentRecords.slnx", "--verify-no-changes", "--verbosity", "quiet"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var format = Process.Start(start)!;
        var output = format.StandardOutput.ReadToEndAsync();
        var errors = format.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await format.WaitForExitAsync(timeout.Token);
        Assert.True(format.ExitCode == 0, $"dotnet format would change files (run `dotnet format StudentRecords.slnx`):\n{await output}{await errors}");
    }
}
