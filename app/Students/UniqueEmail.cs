using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <summary>The e-mail rule that needs the database: no two students share an address.</summary>
public static class UniqueEmail
{
    public const string Message = "Another student already has this e-mail address.";

    public static Task<bool> IsTakenAsync(RecordsDbContext db, string email, int? exceptId, CancellationToken cancellation)
    {
        var normalised = StudentInput.NormaliseEmail(email);
        return db.Students.AnyAsync(s => s.Email == normalised && s.Id != exceptId, cancellation);
    }

    /// <summary>Two saves racing past the check above meet the unique index; this recognises that failure.</summary>
    public static bool IsViolation(DbUpdateException e) => e.InnerException is { } inner && IsViolation(inner);

    /// <summary>The same from the provider's own exception, as SQL the app writes itself raises it (StudentRows).
    /// Only the e-mail's index: edits of one student racing meet the search terms' key instead (EditModel).</summary>
    public static bool IsViolation(Exception e) =>
        IsDuplicateKey(e) && (e.Message.Contains("IX_students_Email'", StringComparison.Ordinal) // MySQL and MariaDB name the index
                              || e.Message.Contains("failed: students.Email", StringComparison.Ordinal)); // SQLite its column

    /// <summary>Any unique key met, by the wording both providers use.</summary>
    public static bool IsDuplicateKey(Exception e) =>
        e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || e.Message.Contains("Duplicate entry", StringComparison.Ordinal);
}
