namespace StudentRecords.Model.Tests;

internal static class ErrorAssert
{
    /// <summary>Asserts one error points at <paramref name="file"/> and <paramref name="path"/> and says <paramref name="says"/>.</summary>
    public static ModelError Reports(IReadOnlyList<ModelError> errors, string file, string path, string says)
    {
        var match = errors.FirstOrDefault(e => Path.GetFileName(e.File) == file && e.YamlPath == path && e.Message.Contains(says, StringComparison.Ordinal));
        Assert.True(match is not null, $"expected an error at {file} {path} saying '{says}'; got:\n  {string.Join("\n  ", errors)}");
        return match!;
    }
}
