using StudentRecords.Model.Loading;
using StudentRecords.Model.Validation;

namespace StudentRecords.Model;

/// <summary>
/// Loads <c>platform.yaml</c> and every other <c>*.yaml</c> (one environment each, named after the file)
/// from a folder, validates them as a whole and returns the model, or throws <see cref="ModelException"/>
/// with every problem found.
/// </summary>
public static class ModelLoader
{
    public const string PlatformFileName = "platform.yaml";

    public static PlatformModel Load(string folder)
    {
        var display = DisplayPath(folder);
        var problems = new Problems(new SourceMap());
        if (!Directory.Exists(folder))
            throw new ModelException([new ModelError(display, "", null, "folder not found; it should hold platform.yaml and one <environment>.yaml per environment")]);

        var platformFile = Path.Combine(display, PlatformFileName);
        PlatformSpec? platform = null;
        if (File.Exists(Path.Combine(folder, PlatformFileName)))
            platform = YamlFile.Open(Path.Combine(folder, PlatformFileName), platformFile, problems) is { } root ? PlatformReader.Read(root) : null;
        else
            problems.Add(platformFile, "", "file not found; it holds the project name, tags, state bucket and alerts");

        var environments = new List<EnvironmentFile>();
        var environmentFiles = Directory.GetFiles(folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != PlatformFileName)
            .Order(StringComparer.Ordinal);
        foreach (var path in environmentFiles)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var file = Path.Combine(display, Path.GetFileName(path));
            if (!EnvironmentNameIsValid(name))
                problems.Add(file, "", $"'{name}' is not a usable environment name (the file name): 2-12 lowercase letters or digits, starting with a letter");
            else
            {
                // An unreadable file still counts as an environment of unknown role, so no role rule misfires.
                var draft = YamlFile.Open(path, file, problems) is { } root
                    ? EnvironmentReader.Read(name, root)
                    : new EnvironmentDraft
                    {
                        Name = name,
                        Role = null,
                        Region = null,
                        AvailabilityZones = null,
                        Network = null,
                        Database = null,
                        Service = null,
                        Storage = null,
                        Tags = null
                    };
                environments.Add(new EnvironmentFile(draft, file, problems));
            }
        }

        // Primary first, then standbys by name: stack order and output never depend on the file system,
        // and a conflict between environments is reported on the standby.
        var ordered = environments.OrderBy(e => e.Draft.Role).ThenBy(e => e.Draft.Name, StringComparer.Ordinal).ToList();
        ModelValidator.Check(platform, platformFile, ordered, display, problems);
        if (problems.Errors.Count > 0 || platform is null)
            throw new ModelException(problems.Errors);
        return new PlatformModel(platform, [.. ordered.Select(e => e.Draft.ToSpec()!)]);
    }

    private static bool EnvironmentNameIsValid(string name) =>
        name.Length is >= 2 and <= 12 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static string DisplayPath(string folder)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(folder) : relative;
    }
}
