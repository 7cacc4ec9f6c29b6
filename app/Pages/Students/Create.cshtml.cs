using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

public sealed class CreateModel(RecordsDbContext db, StudentTotal total) : PageModel
{
    [BindProperty]
    public StudentInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (ModelState.IsValid && await UniqueEmail.IsTakenAsync(db, Input.Email, null, cancellation))
            ModelState.AddModelError("Input.Email", UniqueEmail.Message);
        if (!ModelState.IsValid) return Page();

        var student = new Student { FullName = "", Email = "", Course = "" };
        Input.ApplyTo(student);
        db.Students.Add(student);
        try
        {
            await db.SaveChangesAsync(cancellation);
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
