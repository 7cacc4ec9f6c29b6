using CsvHelper;

namespace StudentRecords.App.Students.Csv;

/// <summary>One record of the file, with the line it starts on (what a spreadsheet's row number shows).</summary>
public sealed record CsvRecord(int Line, string[] Fields, bool Malformed);

/// <summary>
/// Reads a UTF-8 CSV file with CsvHelper: the separator is detected (Excel writes ";" in much of Europe),
/// fields are trimmed, empty lines skipped, and a malformed record is reported rather than thrown.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(byte[] content)
    {
        var malformedLines = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            HasHeader = false, // the header is read as the first record, so a person can map its columns
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformedLines.Add(record.LineNumber),
        };
        using var reader = CsvReader.Create(content, options);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            yield return new CsvRecord((int)reader.LineNumber, fields, malformedLines.Contains(reader.LineNumber));
        }
    }

    /// <summary>The file's first record, its header; empty when the file has none.</summary>
    public static IReadOnlyList<string> HeaderOf(byte[] content) => Read(content).FirstOrDefault()?.Fields ?? [];
}
