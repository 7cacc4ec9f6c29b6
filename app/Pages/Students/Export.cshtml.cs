using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Students;
using StudentRecords.App.Students.Csv;

namespace StudentRecords.App.Pages.Students;

/// <summary>The list as it is shown (its search and order), every page of it, as a CSV download.</summary>
public sealed class ExportModel(RecordsDbContext db, StreamingReads streaming, TimeProvider clock) : PageModel
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
        var query = new StudentQuery(Q, Sort, Desc, 1);

        // Audited before the first row leaves: a download cut short is still on record.
        var count = await (await query.MatchingAsync(db, cancellation)).CountAsync(cancellation);
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
        await using var rows = streaming.Create(); // row by row, at constant memory (StreamingReads says why)
        await StudentCsv.WriteAsync((await query.MatchingAsync(rows, cancellation)).AsAsyncEnumerable(), Response.Body, cancellation);
        return new EmptyResult();
    }
}
