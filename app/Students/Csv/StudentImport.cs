using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Students.Search;

namespace StudentRecords.App.Students.Csv;

/// <summary>
/// The import itself: all rows or none. The dry run is repeated inside the transaction, so a student
/// added since it ran cannot slip in twice, and the audit trail gets one entry with the file and counts.
/// </summary>
public static class StudentImport
{
    /// <param name="content">The upload's file, decompressed.</param>
    /// <returns>The report: when it has problems, nothing was imported.</returns>
    public static async Task<ImportReport> RunAsync(RecordsDbContext db, TimeProvider clock, string actor, ImportUpload upload, byte[] content, ColumnMapping mapping, CancellationToken cancellation)
    {
        try
        {
            return await AuditedChange.RunAsync(db, async token =>
            {
                var report = await ImportCheck.RunAsync(db, content, mapping, token);
                if (!report.CanImport) return report;
                var lastIdBefore = await db.Students.MaxAsync(s => (int?)s.Id, token) ?? 0;
                await StudentRows.InsertAsync(db, report.Ready, token);
                await SearchTermBackfill.RunAsync(db, token, afterId: lastIdBefore); // their terms, in the same transaction
                AuditedChange.RecordBulk(db, clock, actor, AuditAction.Imported, $"{report.Ready.Count:N0} students",
                    [new FieldChange("File", null, upload.FileName), new FieldChange("Students added", null, report.Ready.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                await db.ImportUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(token);
                await db.SaveChangesAsync(token);
                return report;
            }, cancellation);
        }
        catch (DbException e) when (UniqueEmail.IsViolation(e))
        {
            // Someone added a student with one of the file's addresses between the check and the insert.
            var report = await ImportCheck.RunAsync(db, content, mapping, cancellation);
            return report.Problems.Count > 0 ? report : report with { Problems = [new ImportProblem(0, UniqueEmail.Message)] };
        }
    }
}
