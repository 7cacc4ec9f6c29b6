using System.Globalization;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <summary>
/// A page boundary in the list's order, which the Next and Previous links carry: the sort value and id of
/// the last row shown (Next) or of the first (Previous). The page beyond it is a seek in the sort column's
/// index however deep it lies, where <c>?p=N</c> makes the database step over every row of the pages before.
/// It holds values, not positions, so a row added or removed meanwhile neither repeats nor skips a row.
/// </summary>
public sealed record StudentCursor(string Value, int Id, bool IsBefore)
{
    public static StudentCursor After(Student last, StudentSort sort) => new(ValueOf(last, sort), last.Id, IsBefore: false);

    public static StudentCursor Before(Student first, StudentSort sort) => new(ValueOf(first, sort), first.Id, IsBefore: true);

    /// <summary>The sort column's value as the link carries it; <see cref="Seek"/> reads it back.</summary>
    public static string ValueOf(Student student, StudentSort sort) => sort switch
    {
        StudentSort.Email => student.Email,
        StudentSort.Age => student.Age.ToString(CultureInfo.InvariantCulture),
        StudentSort.Course => student.Course,
        StudentSort.Enrolled => student.EnrolmentDate.ToString(DateFormat, CultureInfo.InvariantCulture),
        _ => student.FullName,
    };

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The students past this boundary, going up the column when <paramref name="upward"/> and down it
    /// otherwise, the id breaking ties the same way; null when the value cannot be the column's (a
    /// hand-edited link). Each is written as <c>column &gt;= v AND (column &gt; v OR (column = v AND id &gt; i))</c>:
    /// MariaDB seeks straight to (v, i) in the column's index (which ends in the id) only with the inner
    /// equality, else it reads through every row tied at v (100,000 for a course); SQLite seeks only with
    /// the outer bound. Neither seeks on the row comparison <c>(column, id) &gt; (v, i)</c>.
    /// Compared in SQL, so ties and case follow the column's collation exactly as ORDER BY does.
    /// </summary>
    public IQueryable<Student>? Seek(IQueryable<Student> students, StudentSort sort, bool upward)
    {
        var (v, id) = (Value, Id);
        switch (sort)
        {
            case StudentSort.Age:
                if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var age)) return null;
                return upward
                    ? students.Where(s => s.Age >= age && (s.Age > age || (s.Age == age && s.Id > id)))
                    : students.Where(s => s.Age <= age && (s.Age < age || (s.Age == age && s.Id < id)));
            case StudentSort.Enrolled:
                if (!DateOnly.TryParseExact(v, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
                return upward
                    ? students.Where(s => s.EnrolmentDate >= date && (s.EnrolmentDate > date || (s.EnrolmentDate == date && s.Id > id)))
                    : students.Where(s => s.EnrolmentDate <= date && (s.EnrolmentDate < date || (s.EnrolmentDate == date && s.Id < id)));
            case StudentSort.Email:
                if (v.Length > RecordsDbContext.EmailMaxLength) return null;
                return upward
                    ? students.Where(s => string.Compare(s.Email, v) >= 0 && (string.Compare(s.Email, v) > 0 || (s.Email == v && s.Id > id)))
                    : students.Where(s => string.Compare(s.Email, v) <= 0 && (string.Compare(s.Email, v) < 0 || (s.Email == v && s.Id < id)));
            case StudentSort.Course:
                if (v.Length > RecordsDbContext.CourseMaxLength) return null;
                return upward
                    ? students.Where(s => string.Compare(s.Course, v) >= 0 && (string.Compare(s.Course, v) > 0 || (s.Course == v && s.Id > id)))
                    : students.Where(s => string.Compare(s.Course, v) <= 0 && (string.Compare(s.Course, v) < 0 || (s.Course == v && s.Id < id)));
            default:
                if (v.Length > RecordsDbContext.NameMaxLength) return null;
                return upward
                    ? students.Where(s => string.Compare(s.FullName, v) >= 0 && (string.Compare(s.FullName, v) > 0 || (s.FullName == v && s.Id > id)))
                    : students.Where(s => string.Compare(s.FullName, v) <= 0 && (string.Compare(s.FullName, v) < 0 || (s.FullName == v && s.Id < id)));
        }
    }
}
