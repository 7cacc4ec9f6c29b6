using System.Buffers;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StudentRecords.Model.Loading;

/// <summary>
/// Parses one environment file into its root mapping, reporting bytes that are not UTF-8 and syntax
/// errors with their line.
/// </summary>
internal static class YamlFile
{
    public static MappingReader? Open(string path, string displayName, Problems problems)
    {
        if (Utf8Text(File.ReadAllBytes(path), displayName, problems) is not { } text) return null;
        Scanner? scanner = null;
        try
        {
            using var reader = new StringReader(text);
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

    /// <summary>
    /// The file's text, or null with a problem naming the line of the first byte that is not UTF-8: a
    /// Latin-1 "é" in a comment would otherwise pass unseen, and in a value become a replacement character.
    /// </summary>
    private static string? Utf8Text(byte[] bytes, string displayName, Problems problems)
    {
        ReadOnlySpan<byte> rest = bytes.AsSpan();
        if (rest.StartsWith("\uFEFF"u8)) rest = rest[3..]; // a byte-order mark is UTF-8 too
        var content = rest;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out _, out var consumed) == OperationStatus.Done)
            {
                rest = rest[consumed..];
                continue;
            }
            var offset = content.Length - rest.Length;
            var before = content[..offset];
            var line = before.Count((byte)'\n') + 1;
            var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
            problems.Sources.Record(displayName, "(encoding)", line);
            problems.Add(displayName, "(encoding)", $"is not valid UTF-8: byte 0x{rest[0]:X2} at line {line}, column {column}; save the file as UTF-8");
            return null;
        }
        return Encoding.UTF8.GetString(content);
    }
}
