namespace StudentRecords.Model.Tests;

/// <summary>A temporary copy of environments/ that a test can break in one place.</summary>
public sealed class EnvironmentFolder : IDisposable
{
    public EnvironmentFolder()
    {
        Path = Directory.CreateTempSubdirectory("srp-env-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Environments, "*.yaml"))
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
    }

    public string Path { get; }

    /// <summary>Replaces text that must occur exactly once, so a stale test fails instead of passing silently.</summary>
    public EnvironmentFolder Replace(string file, string from, string to)
    {
        var path = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(path);
        var count = text.Split(from).Length - 1;
        Assert.True(count == 1, $"'{from}' occurs {count} times in {file}; the test needs it exactly once");
        File.WriteAllText(path, text.Replace(from, to));
        return this;
    }

    /// <summary>Adds text at the end of a file, such as a top-level section the committed file leaves out.</summary>
    public EnvironmentFolder Append(string file, string text)
    {
        File.AppendAllText(System.IO.Path.Combine(Path, file), text);
        return this;
    }

    public void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(Path, file), text);

    public void Delete(string file) => File.Delete(System.IO.Path.Combine(Path, file));

    /// <summary>The 1-based line of the only line containing <paramref name="text"/>, read from the file itself.</summary>
    public int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(System.IO.Path.Combine(Path, file));
        var matches = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.Single(matches);
        return matches[0].i + 1;
    }

    public PlatformModel Load() => ModelLoader.Load(Path);

    public IReadOnlyList<ModelError> Errors() => Assert.Throws<ModelException>(Load).Errors;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
