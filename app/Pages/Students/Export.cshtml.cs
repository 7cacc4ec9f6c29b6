using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Net.Http.Headers;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Students;
using StudentRecords.App.Students.Csv;

namespace StudentRecords.App.Pages.Students;

/// <summary>The list as it is shown (its search and order), every page of it, as a CSV download.</summary>
public sealed class ExportModel(RecordsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public StudentSort Sort { get; set; } = StudentSort.Name;

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!ModelState.IsValid) (Sort, Desc) = (StudentSort.Name, false);
        var matching = new StudentQuery(Q, Sort, Desc, 1).Matching(db.Students.AsNoTracking());

        // Audited before the first row leaves: a download cut short is still on record.
        var count = await matching.CountAsync(cancellation);
        AuditedChange.RecordBulk(db, clock, User.Identity!.Name!, AuditAction.Exported, $"{count:N0} students",
        [
            new FieldChange("Search", null, string.IsNullOrWhiteSpace(Q) ? "(all students)" : Q.Trim()),
            new FieldChange("Order", null, $"{Sort}{(Desc ? ", descending" : "")}"),
            new FieldChange("Students", null, count.ToString(CultureInfo.InvariantCulture)),
        ]);
        await db.SaveChangesAsync(cancellation);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"students-{clock.GetUtcNow():yyyy-MM-dd}{(string.IsNullOrWhiteSpace(Q) ? "" : "-search")}.csv",
        }.ToString();
        // Streamed row by row: a retrying execution strategy (MySQL's) makes EF Core buffer the whole
        // result first so a retry can start again, which for a million students is hundreds of MB.
        await new NonRetryingExecutionStrategy(db).ExecuteAsync(
            token => StudentCsv.WriteAsync(matching.AsAsyncEnumerable(), Response.Body, token), cancellation);
        return new EmptyResult();
    }
}
