using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

public sealed class CreateModel(RecordsDbContext db, StudentTotal total, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StudentInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!ModelState.IsValid) return Page();
        // A taken address is found by the unique index and caught below, with the same message: a query
        // before the insert cost every create a round trip for the rare one it refused.

        Student student;
        try
        {
            student = await AuditedChange.RunAsync(db, async token =>
            {
                var added = new Student { FullName = "", Email = "", Course = "" };
                Input.ApplyTo(added);
                db.Students.Add(added);
                await db.SaveChangesAsync(token); // the audit entry needs the new id
                AuditedChange.Record(db, clock, User.Identity!.Name!, AuditAction.Created, added, FieldChange.Between(null, added));
                await db.SaveChangesAsync(token);
                return added;
            }, cancellation);
        }
        catch (DbUpdateException e) when (UniqueEmail.IsViolation(e))
        {
            ModelState.AddModelError("Input.Email", UniqueEmail.Message);
            return Page();
        }
        total.Forget();
        TempData["Message"] = $"Added {student.FullName}.";
        return RedirectToPage("Details", new { id = student.Id });
    }
}
