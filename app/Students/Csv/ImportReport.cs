using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Csv;

/// <summary>A row the import would refuse, by the line it is on in the file.</summary>
public sealed record ImportProblem(int Line, string Reason);

/// <summary>What a dry run found: the students ready to import, and every row that is not.</summary>
public sealed record ImportReport(IReadOnlyList<string> Header, ColumnMapping Mapping, IReadOnlyList<Student> Ready, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Problems with the file as a whole (no rows, a field without a column), which no row can fix.</summary>
    public IReadOnlyList<string> FileProblems { get; init; } = [];

    public bool CanImport => FileProblems.Count == 0 && Problems.Count == 0 && Ready.Count > 0;
}
