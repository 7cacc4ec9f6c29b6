using CsvHelper;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Csv;

/// <summary>
/// Writes students as RFC 4180 CSV under the import's own header, so an export imports again unchanged.
/// Text cells a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) get a ' in
/// front and quotes around them, as OWASP advises against CSV injection.
/// </summary>
public static class StudentCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true, // Excel reads UTF-8 only with it, and registrars open exports in Excel
    };

    /// <returns>How many students were written.</returns>
    public static async Task<int> WriteAsync(IAsyncEnumerable<Student> students, Stream output, CancellationToken cancellation)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var field in ImportField.All) csv.WriteField(field.Label);
        await csv.EndRecordAsync(cancellation);
        var written = 0;
        await foreach (var student in students.WithCancellation(cancellation))
        {
            csv.WriteField(student.FullName);
            csv.WriteField(student.Email);
            csv.WriteField(student.Age, "");
            csv.WriteField(student.Course);
            csv.WriteField(student.EnrolmentDate, "yyyy-MM-dd");
            await csv.EndRecordAsync(cancellation); // flushes asynchronously whenever its buffer is mostly full
            written++;
        }
        await csv.FlushAsync(cancellation);
        return written;
    }
}
