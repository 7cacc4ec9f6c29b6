using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;

namespace StudentRecords.App.Pages.Students;

/// <summary>Every recorded change to one student, newest first; also for a student since deleted.</summary>
public sealed class HistoryModel(RecordsDbContext db) : PageModel
{
    public string StudentName { get; private set; } = "";

    public AuditPage Entries { get; private set; } = new([], 1, false);

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "p")] int page, CancellationToken cancellation)
    {
        Entries = await AuditPage.ReadAsync(db.AuditEntries.Where(e => e.StudentId == id), page, cancellation);
        var name = await db.Students.Where(s => s.Id == id).Select(s => s.FullName).FirstOrDefaultAsync(cancellation)
            ?? Entries.Entries.FirstOrDefault()?.StudentName;
        if (name is null) return NotFound();
        StudentName = name;
        return Page();
    }
}
