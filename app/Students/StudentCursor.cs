using System.Globalization;
using System.Linq.Expressions;
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

    /// <summary>The sort column's value as the link carries it; <see cref="TryRead"/> reads it back.</summary>
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
    /// The students past a boundary (text, number, date, id), going up the column or down it, the id
    /// breaking ties the same way; each column reads the one of text, number and date that is its type.
    /// Each is <c>column &gt;= v AND (column &gt; v OR (column = v AND id &gt; i))</c>: MariaDB seeks straight to
    /// (v, i) in the column's index (which ends in the id) only with the inner equality, else it reads
    /// through every row tied at v (100,000 for a course); SQLite seeks only with the outer bound. Neither
    /// seeks on the row comparison <c>(column, id) &gt; (v, i)</c>. Compared in SQL, so ties and case follow
    /// the column's collation exactly as ORDER BY does. Unused parameters are named, not discarded: EF Core
    /// knows a compiled query's parameters by name.
    /// </summary>
    public static readonly IReadOnlyDictionary<(StudentSort Sort, bool Upward), Expression<Func<Student, string, int, DateOnly, int, bool>>> Beyond =
        new Dictionary<(StudentSort, bool), Expression<Func<Student, string, int, DateOnly, int, bool>>>
        {
            [(StudentSort.Name, true)] = (s, text, number, date, id) => string.Compare(s.FullName, text) >= 0 && (string.Compare(s.FullName, text) > 0 || (s.FullName == text && s.Id > id)),
            [(StudentSort.Name, false)] = (s, text, number, date, id) => string.Compare(s.FullName, text) <= 0 && (string.Compare(s.FullName, text) < 0 || (s.FullName == text && s.Id < id)),
            [(StudentSort.Email, true)] = (s, text, number, date, id) => string.Compare(s.Email, text) >= 0 && (string.Compare(s.Email, text) > 0 || (s.Email == text && s.Id > id)),
            [(StudentSort.Email, false)] = (s, text, number, date, id) => string.Compare(s.Email, text) <= 0 && (string.Compare(s.Email, text) < 0 || (s.Email == text && s.Id < id)),
            [(StudentSort.Course, true)] = (s, text, number, date, id) => string.Compare(s.Course, text) >= 0 && (string.Compare(s.Course, text) > 0 || (s.Course == text && s.Id > id)),
            [(StudentSort.Course, false)] = (s, text, number, date, id) => string.Compare(s.Course, text) <= 0 && (string.Compare(s.Course, text) < 0 || (s.Course == text && s.Id < id)),
            [(StudentSort.Age, true)] = (s, text, age, date, id) => s.Age >= age && (s.Age > age || (s.Age == age && s.Id > id)),
            [(StudentSort.Age, false)] = (s, text, age, date, id) => s.Age <= age && (s.Age < age || (s.Age == age && s.Id < id)),
            [(StudentSort.Enrolled, true)] = (s, text, number, date, id) => s.EnrolmentDate >= date && (s.EnrolmentDate > date || (s.EnrolmentDate == date && s.Id > id)),
            [(StudentSort.Enrolled, false)] = (s, text, number, date, id) => s.EnrolmentDate <= date && (s.EnrolmentDate < date || (s.EnrolmentDate == date && s.Id < id)),
        };

    /// <summary>This boundary as <see cref="Beyond"/>'s parameters; false when the value cannot be the column's (a hand-edited link).</summary>
    public bool TryRead(StudentSort sort, out (string Text, int Number, DateOnly Date) value)
    {
        value = (Value, 0, default);
        return sort switch
        {
            StudentSort.Age => int.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out value.Number),
            StudentSort.Enrolled => DateOnly.TryParseExact(Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value.Date),
            StudentSort.Email => Value.Length <= RecordsDbContext.EmailMaxLength,
            StudentSort.Course => Value.Length <= RecordsDbContext.CourseMaxLength,
            _ => Value.Length <= RecordsDbContext.NameMaxLength,
        };
    }

    /// <summary><see cref="Beyond"/> on any students (a search's matches), this boundary bound as query parameters; null when unreadable.</summary>
    public IQueryable<Student>? Seek(IQueryable<Student> students, StudentSort sort, bool upward)
    {
        if (!TryRead(sort, out var value)) return null;
        var beyond = Beyond[(sort, upward)];
        // Read from an object, as a closure's captured variables are, so EF Core sends them as parameters
        // and caches one query for every boundary instead of one per value.
        var bound = Expression.Constant(new Boundary(value.Text, value.Number, value.Date, Id));
        var fields = new[] { nameof(Boundary.Text), nameof(Boundary.Number), nameof(Boundary.Date), nameof(Boundary.Id) }
            .Select(name => (Expression)Expression.Property(bound, name));
        var body = new ParameterSwap(beyond.Parameters.Skip(1).Zip(fields)).Visit(beyond.Body);
        return students.Where(Expression.Lambda<Func<Student, bool>>(body, beyond.Parameters[0]));
    }

    private sealed record Boundary(string Text, int Number, DateOnly Date, int Id);

    private sealed class ParameterSwap(IEnumerable<(ParameterExpression Parameter, Expression Value)> swaps) : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, Expression> values = swaps.ToDictionary(s => s.Parameter, s => s.Value);

        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }
}
