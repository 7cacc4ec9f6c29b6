using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace StudentRecords.App.Students.Search;

/// <summary>
/// The one tokenizer, for the words stored and the words typed alike, so SQLite and MySQL index and match
/// identically by construction (neither database's own full-text parser is involved).
/// </summary>
public static class SearchText
{
    /// <summary>The longest term stored: a whole e-mail address.</summary>
    public const int MaxTermLength = Data.RecordsDbContext.EmailMaxLength;

    /// <summary>Letters that NFKD leaves whole, spelled as people type them without the accent.</summary>
    private static readonly FrozenDictionary<Rune, string> Spelled = new Dictionary<Rune, string>
    {
        [new('ł')] = "l",
        [new('ø')] = "o",
        [new('đ')] = "d",
        [new('ð')] = "d",
        [new('ß')] = "ss",
        [new('æ')] = "ae",
        [new('œ')] = "oe",
        [new('ı')] = "i",
        [new('þ')] = "th",
        [new('ħ')] = "h",
        [new('ŧ')] = "t",
    }.ToFrozenDictionary();

    /// <summary>
    /// In .NET's globalization-invariant mode Normalize leaves non-ASCII text as it is, without an error:
    /// terms written by such a process would differ from the app's ("zoë" instead of "zoe"). Refuse instead.
    /// </summary>
    private static readonly bool Decomposes = "é".Normalize(NormalizationForm.FormKD).Length == 2;

    /// <summary>Lower-case, compatibility-decomposed, without accents: "Łukasz Núñez" becomes "lukasz nunez".</summary>
    public static string Fold(string text)
    {
        if (!Decomposes)
            throw new InvalidOperationException("Search terms need Unicode normalization (ICU): run with InvariantGlobalization false, as the app is built.");
        var folded = new StringBuilder(text.Length);
        foreach (var rune in WellFormed(text).Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            var lower = Rune.ToLowerInvariant(rune);
            if (Spelled.TryGetValue(lower, out var spelled)) folded.Append(spelled);
            else folded.Append(lower.ToString());
        }
        return folded.ToString();
    }

    /// <summary>Normalize refuses a lone surrogate (a cut-off pair); it becomes U+FFFD, a separator.</summary>
    private static string WellFormed(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : string.Concat(text.EnumerateRunes().Select(r => r.ToString()));

    /// <summary>The folded words of <paramref name="text"/>: runs of letters and digits; everything else separates.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0) yield return Truncated(word.ToString());
            word.Clear();
        }
        if (word.Length > 0) yield return Truncated(word.ToString());
    }

    /// <summary>At most <see cref="MaxTermLength"/> characters, never cutting a surrogate pair in half.</summary>
    public static string Truncated(string term)
    {
        if (term.Length <= MaxTermLength) return term;
        var end = char.IsHighSurrogate(term[MaxTermLength - 1]) ? MaxTermLength - 1 : MaxTermLength;
        return term[..end];
    }
}
