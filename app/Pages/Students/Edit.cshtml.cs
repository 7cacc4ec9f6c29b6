using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

/// <summary>Edits with optimistic concurrency: a save based on a stale version is refused and nothing is overwritten.</summary>
public sealed class EditModel(RecordsDbContext db) : PageModel
{
    public const string StaleMessage = "Someone else changed this student while you were editing. Nothing was saved: the form now shows their version; make your changes again.";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public StudentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellation) is not { } student) return NotFound();
        Input = StudentInput.From(student);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await db.Students.FirstOrDefaultAsync(s => s.Id == Id, cancellation) is not { } student) return NotFound();
        if (ModelState.IsValid && await UniqueEmail.IsTakenAsync(db, Input.Email, Id, cancellation))
            ModelState.AddModelError("Input.Email", UniqueEmail.Message);
        if (!ModelState.IsValid) return Page();
        if (student.Version != Input.Version) return Stale(student);

        // The version the user saw is what the UPDATE requires, so a save racing this one loses cleanly.
        db.Entry(student).Property(s => s.Version).OriginalValue = Input.Version;
        Input.ApplyTo(student);
        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellation);
            return current is null ? NotFound() : Stale(current);
        }
        catch (DbUpdateException e) when (UniqueEmail.IsViolation(e))
        {
            ModelState.AddModelError("Input.Email", UniqueEmail.Message);
            return Page();
        }
        TempData["Message"] = $"Saved {student.FullName}.";
        return RedirectToPage("Details", new { id = Id });
    }

    private PageResult Stale(Student current)
    {
        ModelState.Clear();
        Input = StudentInput.From(current);
        ModelState.AddModelError("", StaleMessage);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
