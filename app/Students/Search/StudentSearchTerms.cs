using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Search;

/// <summary>What a student is found by.</summary>
public static class StudentSearchTerms
{
    /// <summary>
    /// The search-term rows for one student: every word of <paramref name="fullName"/>, <paramref name="email"/>
    /// and <paramref name="course"/>, and the whole e-mail address, folded by <see cref="SearchText"/>, each once.
    /// The app writes these itself whenever a student is added or changed through EF Core (RecordsDbContext);
    /// code that inserts students without EF (a bulk import's multi-row INSERT) must insert these rows into
    /// <c>student_search_terms</c> (columns <c>Term</c>, <c>StudentId</c>, <c>FullName</c>) in the same transaction, or the
    /// students cannot be searched for. Pass the values as stored (the e-mail already normalised).
    /// </summary>
    public static IReadOnlyList<StudentSearchTerm> For(int studentId, string fullName, string email, string course)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        terms.UnionWith(SearchText.Words(fullName));
        terms.UnionWith(SearchText.Words(email));
        terms.UnionWith(SearchText.Words(course));
        if (email.Length > 0) terms.Add(AddressTerm(email));
        return [.. terms.Order(StringComparer.Ordinal).Select(term => new StudentSearchTerm { Term = term, StudentId = studentId, FullName = fullName })];
    }

    /// <summary>
    /// Starts the whole-address term. A word never holds it, so the addresses lie apart from the words in the
    /// index: "smith" reads the words smith and smithson, not each of 20,000 addresses "smith.N@…", which
    /// their word "smith" finds anyway.
    /// </summary>
    public const string AddressMark = "@";

    /// <summary>The whole address as one term, so a typed address (or its start, "ann@") finds its student directly.</summary>
    public static string AddressTerm(string email) => Address(SearchText.Fold(StudentInput.NormaliseEmail(email)));

    /// <summary>An address (or the start of one) as stored, already folded.</summary>
    public static string Address(string folded) => SearchText.Truncated(AddressMark + folded);
}
