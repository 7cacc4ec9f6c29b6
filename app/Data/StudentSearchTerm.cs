namespace StudentRecords.App.Data;

/// <summary>
/// One searchable word of a student (a word of the name, the e-mail or the course, or the whole address),
/// folded by <see cref="Students.Search.SearchText"/>. The primary key (Term, StudentId) is the index a
/// prefix search seeks in; the rows are written in the same SaveChanges as the student.
/// </summary>
public sealed class StudentSearchTerm
{
    public required string Term { get; init; }

    public int StudentId { get; set; }

    /// <summary>
    /// The student's name, copied so that a term's students lie in the list's default order in the index
    /// (Term, FullName, StudentId): page 1 of "smith" by name is then read there, not sorted from 40,000 matches.
    /// </summary>
    public required string FullName { get; set; }

    /// <summary>Set only for a student that is being added, so EF gives its terms the id the insert generates.</summary>
    public Student? Student { get; set; }
}
