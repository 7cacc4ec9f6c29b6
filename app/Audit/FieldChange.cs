using System.Globalization;
using System.Text.Json;
using StudentRecords.App.Data;

namespace StudentRecords.App.Audit;

/// <summary>One field of a student, before and after a change (null where it did not exist).</summary>
public sealed record FieldChange(string Field, string? Old, string? New)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The fields as an audit shows them, in the form's order.</summary>
    public static IReadOnlyList<(string Field, string Value)> FieldsOf(Student s) =>
    [
        ("Full name", s.FullName),
        ("E-mail", s.Email),
        ("Age", s.Age.ToString(CultureInfo.InvariantCulture)),
        ("Course or programme", s.Course),
        ("Enrolment date", s.EnrolmentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The fields that differ between two states of a student; null stands for "not there".</summary>
    public static IReadOnlyList<FieldChange> Between(Student? before, Student? after)
    {
        var old = before is null ? null : FieldsOf(before).ToDictionary(f => f.Field, f => f.Value);
        var @new = after is null ? null : FieldsOf(after).ToDictionary(f => f.Field, f => f.Value);
        var fields = FieldsOf(before ?? after!).Select(f => f.Field);
        return fields
            .Select(field => new FieldChange(field, old?[field], @new?[field]))
            .Where(change => change.Old != change.New)
            .ToList();
    }

    public static string ToJson(IReadOnlyList<FieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<FieldChange> FromJson(string json) => JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? [];
}
