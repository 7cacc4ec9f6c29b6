using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Pages.Students;

/// <summary>GET asks for confirmation; only the POST (with its antiforgery token) deletes.</summary>
public sealed class DeleteModel(RecordsDbContext db, StudentTotal total) : PageModel
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
        var deleted = await db.Students.Where(s => s.Id == id).ExecuteDeleteAsync(cancellation);
        total.Forget();
        TempData["Message"] = deleted == 0 ? "That student had already been deleted." : "Student deleted.";
        return RedirectToPage("Index");
    }
}
