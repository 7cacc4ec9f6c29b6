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

    /// <summary>The same from the provider's own exception, as SQL the app writes itself raises it (StudentRows).</summary>
    public static bool IsViolation(Exception e) =>
        e.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Duplicate entry", StringComparison.OrdinalIgnoreCase);
}
