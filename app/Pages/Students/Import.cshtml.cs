using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudentRecords.App.Data;
using StudentRecords.App.Students;
using StudentRecords.App.Students.Csv;

namespace StudentRecords.App.Pages.Students;

/// <summary>
/// Bulk import in three steps: upload a CSV file (staged in the database), map its columns and see the dry
/// run's every bad row, then import all of it or nothing.
/// </summary>
// A larger request than the file limit is still read, so an oversized file gets a message, not a reset connection.
[RequestFormLimits(MultipartBodyLengthLimit = UploadedCsv.MaxRequestBytes)]
[RequestSizeLimit(UploadedCsv.MaxRequestBytes)]
public sealed class ImportModel(RecordsDbContext db, StudentTotal total, TimeProvider clock) : PageModel
{
    /// <summary>How many bad rows the page lists; a file with more is listed that far, with the total.</summary>
    public const int ProblemsShown = 1000;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The column chosen for each field (ImportField.Key → 0-based column; -1 for none).</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<string, int>? Map { get; set; }

    public ImportUpload? Upload { get; private set; }

    public ImportReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Id is null) return Page();
        return await CheckAsync(cancellation) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellation)
    {
        var (content, problem) = await UploadedCsv.ReadAsync(file, cancellation);
        if (problem is not null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var upload = await ImportUploads.StageAsync(db, clock, Actor, file!.FileName, content!, cancellation);
        return RedirectToPage(new { id = upload.Id });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellation)
    {
        if (Id is not { } id || await ImportUploads.FindAsync(db, clock, Actor, id, cancellation) is not { } upload) return NotFoundPage();
        Upload = upload;
        var content = ImportUploads.Decompress(upload.Content);
        var report = await StudentImport.RunAsync(db, clock, Actor, upload, content, MappingFor(CsvRecords.HeaderOf(content)), cancellation);
        if (!report.CanImport)
        {
            Report = report;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        total.Forget();
        TempData["Message"] = $"Imported {report.Ready.Count:N0} students from {upload.FileName}.";
        return Redirect($"{Request.PathBase}/Students");
    }

    /// <summary>The dry run of the staged upload with the mapping asked for; false when there is no such upload.</summary>
    private async Task<bool> CheckAsync(CancellationToken cancellation)
    {
        Upload = await ImportUploads.FindAsync(db, clock, Actor, Id!.Value, cancellation);
        if (Upload is null) return false;
        var content = ImportUploads.Decompress(Upload.Content);
        Report = await ImportCheck.RunAsync(db, content, MappingFor(CsvRecords.HeaderOf(content)), cancellation);
        return true;
    }

    /// <summary>What the form chose, or, before anything was chosen, what the header's names say.</summary>
    private ColumnMapping MappingFor(IReadOnlyList<string> header) =>
        // Only the fields' own keys count: with none of them in the request, the binder fills Map from the rest of it.
        Map is { } chosen && ImportField.All.Any(field => chosen.ContainsKey(field.Key))
            ? ColumnMapping.Chosen(header, key => chosen.TryGetValue(key, out var column) ? column : null)
            : ColumnMapping.FromHeader(header);

    private PageResult NotFoundPage()
    {
        Problem = "This upload is no longer waiting: it was imported already, it is more than a day old, or it belongs to someone else. Upload the file again.";
        Id = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private string Actor => User.Identity!.Name!;
}
