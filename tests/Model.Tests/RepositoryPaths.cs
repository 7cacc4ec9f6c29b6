namespace StudentRecords.Model.Tests;

/// <summary>Finds the repository from the test binaries, so tests read the real environment files.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Environments => Path.Combine(Root, "environments");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "cdktf.json"))) return dir.FullName;
        throw new InvalidOperationException("cdktf.json not found above the test binaries");
    }
}
