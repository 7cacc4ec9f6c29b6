using System.Buffers;
using System.Text;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Search;

/// <summary>
/// What someone typed into the search box, as the word prefixes a student must all have ("ross mat": a
/// term starting "ross" and one starting "mat"). Typed text is folded into words by the same tokenizer as
/// the stored terms, so operators and wildcards are just separators; an address ("ann@", "ann@example.org")
/// stays whole and matches the start of a student's whole address.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Prefixes)
{
    /// <summary>Longer input is cut here: no name, address or course is longer, and each word costs a seek.</summary>
    public const int MaxTypedLength = 200;

    public const int MaxWords = 8;

    /// <summary>Above every code point, so [prefix, prefix + this) holds exactly the terms that start with prefix (compared by code point).</summary>
    private const string AfterEveryCharacter = "\U0010FFFF";

    public static readonly SearchQuery Everything = new([]);

    public bool IsEmpty => Prefixes.Count == 0;

    /// <summary>
    /// What was typed, as stored addresses are kept, when it is one whole address and nothing else: the
    /// student with exactly that address is then looked up directly (<see cref="StudentQuery"/>).
    /// </summary>
    public string? WholeAddress { get; init; }

    public static SearchQuery Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return Everything;
        var text = typed.Length > MaxTypedLength ? typed[..MaxTypedLength] : typed;
        var prefixes = new List<string>();
        var chunks = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var chunk in chunks)
        {
            if (AddressPrefix(chunk) is { } address) prefixes.Add(address);
            else prefixes.AddRange(SearchText.Words(chunk));
        }
        var distinct = prefixes.Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        // A word that starts another adds nothing ("ann" beside "anne"). The longest word, likely the
        // rarest, goes first: it drives the query.
        return new([.. distinct
            .Where(p => !distinct.Any(other => other.Length > p.Length && other.StartsWith(p, StringComparison.Ordinal)))
            .OrderByDescending(p => p.Length)])
        {
            WholeAddress = chunks is [var only] && AddressPrefix(only) is not null ? StudentInput.NormaliseEmail(only.Trim(AddressQuotes)) : null,
        };
    }

    /// <summary>The ids of the students that have a term starting with each prefix, each id once.</summary>
    public IQueryable<int> StudentIds(IQueryable<StudentSearchTerm> terms)
    {
        if (IsEmpty) throw new InvalidOperationException("An empty search matches every student; list them instead.");
        var (first, firstEnd) = Range(Prefixes[0]);
        var ids = terms.Where(t => t.Term.CompareTo(first) >= 0 && t.Term.CompareTo(firstEnd) < 0).Select(t => t.StudentId);
        foreach (var prefix in Prefixes.Skip(1))
        {
            var (start, end) = Range(prefix);
            ids = ids.Where(id => terms.Any(t => t.StudentId == id && t.Term.CompareTo(start) >= 0 && t.Term.CompareTo(end) < 0));
        }
        return ids.Distinct();
    }

    /// <summary>The terms starting with the first word (the longest, which drives the query): from Start, up to but not including End.</summary>
    public (string Start, string End) FirstWordRange => Range(Prefixes[0]);

    /// <summary>
    /// The rows of <paramref name="rows"/> (one term's) whose student also has every other word, checked a row
    /// at a time as <see cref="EachChecked"/> checks students.
    /// </summary>
    public IQueryable<StudentSearchTerm> WithOtherWords(IQueryable<StudentSearchTerm> rows, IQueryable<StudentSearchTerm> terms)
    {
        foreach (var prefix in Prefixes.Skip(1))
        {
            var (start, end) = Range(prefix);
            rows = rows.Where(row => terms
                .Where(t => t.StudentId == row.StudentId && t.Term.CompareTo(start) >= 0 && t.Term.CompareTo(end) < 0)
                .Select(t => (int?)t.StudentId).FirstOrDefault() != null);
        }
        return rows;
    }

    /// <summary>
    /// The students of <paramref name="students"/> that have every prefix, checked a student at a time: one
    /// seek in the StudentId index per word. For walking a few rows in the list's order, never a whole table.
    /// </summary>
    public IQueryable<Student> EachChecked(IQueryable<Student> students, IQueryable<StudentSearchTerm> terms)
    {
        foreach (var prefix in Prefixes)
        {
            var (start, end) = Range(prefix);
            // A scalar subquery, not EXISTS: MariaDB turns EXISTS into a semi-join that first gathers every match.
            students = students.Where(s => terms
                .Where(t => t.StudentId == s.Id && t.Term.CompareTo(start) >= 0 && t.Term.CompareTo(end) < 0)
                .Select(t => (int?)t.StudentId).FirstOrDefault() != null);
        }
        return students;
    }

    // A range rather than LIKE 'prefix%': SQLite seeks a BINARY index only for a range (its LIKE is
    // case-insensitive), and a range has no wildcard to escape.
    private static (string Start, string End) Range(string prefix) => (prefix, prefix + AfterEveryCharacter);

    /// <summary>What an address is often copied with: "&lt;ann@example.org&gt;," from a mail header.</summary>
    private static readonly char[] AddressQuotes = ['"', '\'', '(', ')', '<', '>', '[', ']', ',', ';', '.'];

    /// <summary>A typed chunk with an @ after its first character, folded as stored addresses are and without trailing punctuation.</summary>
    private static string? AddressPrefix(string chunk)
    {
        var folded = SearchText.Fold(chunk).TrimStart('"', '\'', '(', '<', '[');
        var end = folded.Length;
        while (end > 0 && Rune.DecodeLastFromUtf16(folded.AsSpan(0, end), out var last, out var width) == OperationStatus.Done
               && !Rune.IsLetterOrDigit(last) && last.Value != '@')
            end -= width;
        var address = folded[..end];
        return address.IndexOf('@', StringComparison.Ordinal) > 0 ? StudentSearchTerms.Address(address) : null;
    }
}
