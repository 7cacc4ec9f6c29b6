namespace StudentRecords.App.Students.Csv;

/// <summary>Which column of the file (0-based) holds each field; a field without one is missing from the file.</summary>
public sealed record ColumnMapping(IReadOnlyDictionary<string, int> ColumnOf)
{
    /// <summary>Each field mapped to the first header that names it.</summary>
    public static ColumnMapping FromHeader(IReadOnlyList<string> header) => new(ImportField.All
        .Select(field => (field.Key, Column: Enumerable.Range(0, header.Count).FirstOrDefault(i => field.Recognises(header[i]), -1)))
        .Where(pair => pair.Column >= 0)
        .ToDictionary(pair => pair.Key, pair => pair.Column));

    /// <summary>What a person chose in the mapping form; choices outside the header are dropped.</summary>
    public static ColumnMapping Chosen(IReadOnlyList<string> header, Func<string, int?> choiceFor) => new(ImportField.All
        .Select(field => (field.Key, Column: choiceFor(field.Key)))
        .Where(pair => pair.Column is { } column && column >= 0 && column < header.Count)
        .ToDictionary(pair => pair.Key, pair => pair.Column!.Value));

    public int? this[ImportField field] => ColumnOf.TryGetValue(field.Key, out var column) ? column : null;

    public IReadOnlyList<ImportField> Missing => ImportField.All.Where(candidate => this[candidate] is null).ToList();

    /// <summary>Fields read from the same column: almost always a slip in the form.</summary>
    public IReadOnlyList<ImportField> Shared => ImportField.All.Where(candidate => this[candidate] is { } column && ColumnOf.Values.Count(c => c == column) > 1).ToList();
}
