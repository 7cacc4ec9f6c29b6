using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Pages.Students;

public sealed class DetailsModel(RecordsDbContext db) : PageModel
{
    public Student Student { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellation) is not { } student) return NotFound();
        Student = student;
        return Page();
    }
}
