using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StudentRecords.Model.Loading;

/// <summary>Parses one environment file into its root mapping, reporting syntax errors with their line.</summary>
internal static class YamlFile
{
    public static MappingReader? Open(string path, string displayName, Problems problems)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root)
                return new MappingReader(root, displayName, "", problems);
            problems.Add(displayName, "", "must hold one YAML document whose top level is a mapping of keys to values");
        }
        catch (YamlException e)
        {
            problems.Sources.Record(displayName, "(syntax)", (int)e.Start.Line);
            problems.Add(displayName, "(syntax)", $"is not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        return null;
    }
}
