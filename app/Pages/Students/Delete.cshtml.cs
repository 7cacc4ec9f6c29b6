using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

/// <summary>GET asks for confirmation; only the POST (with its antiforgery token) deletes.</summary>
public sealed class DeleteModel(RecordsDbContext db, StudentTotal total, TimeProvider clock) : PageModel
{
    public Student Student { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellation) is not { } student) return NotFound();
        Student = student;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        bool deleted;
        try
        {
            deleted = await AuditedChange.RunAsync(db, async token =>
        {
            if (await db.Students.FirstOrDefaultAsync(s => s.Id == id, token) is not { } student) return false;
            db.Students.Remove(student);
            AuditedChange.Record(db, clock, User.Identity!.Name!, AuditAction.Deleted, student, FieldChange.Between(student, null));
            await db.SaveChangesAsync(token);
            return true;
        }, cancellation);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Someone else changed or deleted that student meanwhile. Nothing was deleted.";
            return RedirectToPage("Index");
        }
        total.Forget();
        TempData["Message"] = deleted ? "Student deleted." : "That student had already been deleted.";
        return RedirectToPage("Index");
    }
}
