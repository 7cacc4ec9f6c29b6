namespace StudentRecords.App.Students.Csv;

/// <summary>
/// A student field a CSV column can be mapped to, with the header names it is recognised by. The first
/// name is the one an export writes, so an exported file imports again unchanged.
/// </summary>
public sealed record ImportField(string Key, string Label, IReadOnlyList<string> HeaderNames)
{
    public static readonly ImportField FullName = new("name", "Full name", ["Full name", "Name", "FullName", "Student name", "Student"]);
    public static readonly ImportField Email = new("email", "E-mail", ["E-mail", "Email", "Email address", "E-mail address", "Mail"]);
    public static readonly ImportField Age = new("age", "Age", ["Age"]);
    public static readonly ImportField Course = new("course", "Course or programme", ["Course or programme", "Course", "Programme", "Program", "Degree"]);
    public static readonly ImportField Enrolled = new("enrolled", "Enrolment date", ["Enrolment date", "Enrollment date", "Enrolled", "EnrolmentDate", "Start date"]);

    public static readonly IReadOnlyList<ImportField> All = [FullName, Email, Age, Course, Enrolled];

    /// <summary>Whether <paramref name="header"/> names this field, ignoring case, spaces, hyphens and underscores.</summary>
    public bool Recognises(string header) => HeaderNames.Any(name => Simplified(name) == Simplified(header));

    private static string Simplified(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
