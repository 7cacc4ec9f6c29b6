using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

/// <summary>Edits with optimistic concurrency: a save based on a stale version is refused and nothing is overwritten.</summary>
public sealed class EditModel(RecordsDbContext db, TimeProvider clock) : PageModel
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
        if (ModelState.IsValid && await UniqueEmail.IsTakenAsync(db, Input.Email, Id, cancellation))
            ModelState.AddModelError("Input.Email", UniqueEmail.Message);
        if (!ModelState.IsValid)
            return await db.Students.AnyAsync(s => s.Id == Id, cancellation) ? Page() : NotFound();

        Outcome outcome;
        try
        {
            outcome = await AuditedChange.RunAsync(db, token => SaveAsync(token), cancellation);
        }
        catch (DbUpdateConcurrencyException)
        {
            outcome = Outcome.Stale;
        }
        catch (DbUpdateException e) when (UniqueEmail.IsViolation(e))
        {
            ModelState.AddModelError("Input.Email", UniqueEmail.Message);
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is { } inner && UniqueEmail.IsDuplicateKey(inner))
        {
            // Another edit of this student committed the same new search term first; committed, it changed the
            // version too, so this save was based on a stale one (its row lock is taken after the terms').
            outcome = Outcome.Stale;
        }
        if (outcome == Outcome.Saved)
        {
            TempData["Message"] = $"Saved {Input.FullName.Trim()}.";
            return RedirectToPage("Details", new { id = Id });
        }
        db.ChangeTracker.Clear();
        return await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellation) is { } current ? Stale(current) : NotFound();
    }

    private enum Outcome { Saved, Stale, Missing }

    private async Task<Outcome> SaveAsync(CancellationToken token)
    {
        if (await db.Students.FirstOrDefaultAsync(s => s.Id == Id, token) is not { } student) return Outcome.Missing;
        if (student.Version != Input.Version) return Outcome.Stale;
        var before = new Student { FullName = student.FullName, Email = student.Email, Age = student.Age, Course = student.Course, EnrolmentDate = student.EnrolmentDate };

        // The version the user saw is what the UPDATE requires, so a save racing this one loses cleanly.
        db.Entry(student).Property(s => s.Version).OriginalValue = Input.Version;
        Input.ApplyTo(student);
        var changes = FieldChange.Between(before, student);
        if (changes.Count > 0) AuditedChange.Record(db, clock, User.Identity!.Name!, AuditAction.Edited, student, changes);
        await db.SaveChangesAsync(token);
        return Outcome.Saved;
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
