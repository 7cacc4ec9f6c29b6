using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;

namespace StudentRecords.App.Pages.Admin;

/// <summary>Every change to the records, newest first (Administrators only: RecordsServices).</summary>
public sealed class ChangesModel(RecordsDbContext db) : PageModel
{
    public AuditPage Entries { get; private set; } = new([], 1, false);

    public async Task OnGetAsync([FromQuery(Name = "p")] int page, CancellationToken cancellation) =>
        Entries = await AuditPage.ReadAsync(db.AuditEntries, page, cancellation);
}
