using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StudentRecords.Model.Loading;

/// <summary>Parses one environment file into its root mapping, reporting syntax errors with their line.</summary>
internal static class YamlFile
{
    public static MappingReader? Open(string path, string displayName, Problems problems)
    {
        Scanner? scanner = null;
        try
        {
            using var reader = new StreamReader(path);
            scanner = new Scanner(reader);
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root)
                return new MappingReader(root, displayName, "", problems);
            problems.Add(displayName, "", "must hold one YAML document whose top level is a mapping of keys to values");
        }
        catch (YamlException e)
        {
            problems.Sources.Record(displayName, "(syntax)", (int)e.Start.Line);
            problems.Add(displayName, "(syntax)", $"is not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException) when (scanner is not null)
        {
            // YamlDotNet 18 throws this instead of a YamlException for some unterminated flow collections.
            problems.Sources.Record(displayName, "(syntax)", (int)scanner.CurrentPosition.Line);
            problems.Add(displayName, "(syntax)", "is not valid YAML: an unterminated [ ] or { } collection or quoted string");
        }
        return null;
    }
}
