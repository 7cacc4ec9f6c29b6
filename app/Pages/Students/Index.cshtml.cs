using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

/// <summary>The list: search by name, e-mail or course, sort by any column, 20 to a page.</summary>
public sealed class IndexModel(RecordsDbContext db, StudentTotal total) : PageModel
{
    public static readonly IReadOnlyList<(StudentSort Sort, string Label)> Columns =
        [(StudentSort.Name, "Name"), (StudentSort.Email, "E-mail"), (StudentSort.Age, "Age"), (StudentSort.Course, "Course"), (StudentSort.Enrolled, "Enrolled")];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public StudentSort Sort { get; set; } = StudentSort.Name;

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The sort value and id of the row the page starts after (a Next link); see <see cref="StudentCursor"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AfterId { get; set; }

    /// <summary>The sort value and id of the row the page ends before (a Previous link).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? BeforeId { get; set; }

    public StudentPage Result { get; private set; } = new([], 1, 0, false);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        // Unparseable sort, page or cursor values fall back to the defaults instead of failing.
        if (!ModelState.IsValid) (Sort, Desc, PageNumber, AfterId, BeforeId) = (StudentSort.Name, false, 1, null, null);
        var cursor = (After, AfterId, Before, BeforeId) switch
        {
            ({ } value, { } id, _, _) => new StudentCursor(value, id, IsBefore: false),
            (_, _, { } value, { } id) => new StudentCursor(value, id, IsBefore: true),
            _ => null,
        };
        Result = await new StudentQuery(Q, Sort, Desc, PageNumber, cursor).RunAsync(db, total, cancellation);
    }

    /// <summary>The page asked for by number is beyond the last one, which is shown instead.</summary>
    public bool PastTheEnd => PageNumber > Result.Page && AfterId is null && BeforeId is null;

    /// <summary>The next page: the rows after this page's last, in this order.</summary>
    public string NextUrl => UrlWithQuery("/Students", Sort, Desc, Result.Page + 1, StudentCursor.After(Result.Items[^1], Sort));

    /// <summary>The previous page: the rows before this page's first; page 1 is linked as itself.</summary>
    public string PreviousUrl => Result.Page <= 2
        ? ListUrl(Sort, Desc)
        : UrlWithQuery("/Students", Sort, Desc, Result.Page - 1, StudentCursor.Before(Result.Items[0], Sort));

    /// <summary>This list, every page of it, as CSV.</summary>
    public string ExportUrl => UrlWithQuery("/Students/Export", Sort, Desc, page: 1);

    /// <summary>
    /// "3 student(s) matching “ross”"; past <see cref="StudentQuery.CountCap"/> a search says "more than",
    /// since it stops counting there (the unsearched list's total is kept, not capped).
    /// </summary>
    public string CountText
    {
        get
        {
            var matching = string.IsNullOrWhiteSpace(Q) ? "" : $" matching “{Q}”";
            return Result.TotalIsCapped
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"more than {Result.Total:N0} students{matching}")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Result.Total} student(s){matching}");
        }
    }

    public bool DescendingLinkFor(StudentSort column) => column == Sort && !Desc;

    /// <summary>
    /// This list with the search kept and the given order and page. Built here rather than by routed
    /// anchor tag helpers, which cost more than the page's query (measured with tests/Benchmarks/app-benchmark.sh).
    /// </summary>
    public string ListUrl(StudentSort sort, bool descending) => UrlWithQuery("/Students", sort, descending, page: 1);

    private string UrlWithQuery(string path, StudentSort sort, bool descending, int page, StudentCursor? cursor = null) => QueryHelpers.AddQueryString($"{Request.PathBase}{path}", new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["sort"] = sort.ToString(),
        ["desc"] = descending ? "true" : "false",
        ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        [cursor is { IsBefore: true } ? "before" : "after"] = cursor?.Value,
        [cursor is { IsBefore: true } ? "beforeId" : "afterId"] = cursor?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public string ArrowFor(StudentSort column) => column != Sort ? "" : Desc ? " ↓" : " ↑";
}
