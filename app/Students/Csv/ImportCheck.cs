using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Csv;

/// <summary>
/// The dry run: every row against the add form's own rules (StudentInput's), against the rows above it
/// and against the database, so the import itself can only succeed or change nothing.
/// </summary>
public static class ImportCheck
{
    /// <summary>How many e-mail addresses one query looks up in the database.</summary>
    private const int LookupBatch = 500;

    public static async Task<ImportReport> RunAsync(RecordsDbContext db, byte[] content, ColumnMapping mapping, CancellationToken cancellation)
    {
        using var records = CsvRecords.Read(content).GetEnumerator();
        var header = records.MoveNext() ? records.Current.Fields : [];
        var fileProblems = new List<string>();
        if (header.Length == 0) fileProblems.Add("The file is empty: its first line should be a header naming the columns.");
        fileProblems.AddRange(mapping.Missing.Select(field => $"No column is chosen for “{field.Label}”."));
        fileProblems.AddRange(mapping.Shared.Select(field => $"“{field.Label}” is read from a column another field uses too."));
        if (fileProblems.Count > 0) return new ImportReport(header, mapping, [], []) { FileProblems = fileProblems };

        var ready = new List<(int Line, Student Student)>();
        var problems = new List<ImportProblem>();
        var lineOfEmail = new Dictionary<string, int>();
        while (records.MoveNext())
        {
            var record = records.Current;
            var reasons = Problems(record, mapping, out var student);
            if (student is not null && !lineOfEmail.TryAdd(student.Email, record.Line))
                reasons.Add($"The e-mail address {student.Email} is on line {lineOfEmail[student.Email]} too.");
            if (reasons.Count > 0) problems.Add(new ImportProblem(record.Line, string.Join(" ", reasons)));
            else ready.Add((record.Line, student!));
        }
        if (ready.Count == 0 && problems.Count == 0) fileProblems.Add("The file has a header but no rows under it.");

        var taken = await TakenEmailsAsync(db, ready.Select(row => row.Student.Email), cancellation);
        problems.AddRange(ready.Where(row => taken.Contains(row.Student.Email)).Select(row => new ImportProblem(row.Line, UniqueEmail.Message)));
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        var students = ready.Where(row => !taken.Contains(row.Student.Email)).Select(row => row.Student).ToList();
        return new ImportReport(header, mapping, students, problems) { FileProblems = fileProblems };
    }

    /// <summary>The e-mail addresses among <paramref name="emails"/> that students in the database already have.</summary>
    public static async Task<HashSet<string>> TakenEmailsAsync(RecordsDbContext db, IEnumerable<string> emails, CancellationToken cancellation)
    {
        var taken = new HashSet<string>();
        foreach (var batch in emails.Chunk(LookupBatch))
            taken.UnionWith(await db.Students.AsNoTracking().Where(s => batch.Contains(s.Email)).Select(s => s.Email).ToListAsync(cancellation));
        return taken;
    }

    /// <summary>Why the record cannot be imported, as the add form would say it; the student when it can.</summary>
    private static List<string> Problems(CsvRecord record, ColumnMapping mapping, out Student? student)
    {
        student = null;
        string Field(ImportField field) => mapping[field] is { } column && column < record.Fields.Length ? record.Fields[column] : "";
        var reasons = new List<string>();
        if (record.Malformed) reasons.Add("The line is not valid CSV (a quote inside a field that is not quoted?).");

        var input = new StudentInput { FullName = Field(ImportField.FullName), Email = Field(ImportField.Email), Course = Field(ImportField.Course) };
        var age = Field(ImportField.Age);
        if (int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out var years)) input.Age = years;
        else if (age.Length > 0) reasons.Add($"Age must be a whole number, not “{age}”.");
        var enrolled = Field(ImportField.Enrolled);
        if (DateOnly.TryParseExact(enrolled, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) input.EnrolmentDate = date;
        else if (enrolled.Length > 0) reasons.Add($"Enrolment date must be written as year-month-day, like 2025-09-01, not “{enrolled}”.");

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        // A value that did not parse is reported above, not again as missing.
        reasons.AddRange(results
            .Where(r => !(r.MemberNames.Contains(nameof(StudentInput.Age)) && age.Length > 0 && input.Age is null))
            .Where(r => !(r.MemberNames.Contains(nameof(StudentInput.EnrolmentDate)) && enrolled.Length > 0 && input.EnrolmentDate is null))
            .Select(r => r.ErrorMessage!));
        if (reasons.Count > 0) return reasons;
        student = new Student { FullName = "", Email = "", Course = "" };
        input.ApplyTo(student);
        return reasons;
    }
}
