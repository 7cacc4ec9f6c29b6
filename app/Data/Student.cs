namespace StudentRecords.App.Data;

/// <summary>A student record as stored.</summary>
public sealed class Student
{
    public int Id { get; set; }

    public required string FullName { get; set; }

    /// <summary>Stored trimmed and lower-cased, so uniqueness means the same on SQLite and MySQL.</summary>
    public required string Email { get; set; }

    public int Age { get; set; }

    public required string Course { get; set; }

    public DateOnly EnrolmentDate { get; set; }

    /// <summary>Changes on every update; an edit based on an older value is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
