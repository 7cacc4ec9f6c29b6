using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Audit;

/// <summary>
/// Runs a change to the students and its audit entry as one transaction: both are stored or neither.
/// The change runs inside the provider's execution strategy (MySQL retries transient failures), so it
/// starts from an empty change tracker each time and must read what it changes itself.
/// </summary>
public static class AuditedChange
{
    public static Task<T> RunAsync<T>(RecordsDbContext db, Func<CancellationToken, Task<T>> change, CancellationToken cancellation) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            // No savepoint around each SaveChanges: a failure here ends the whole change (retried from the
            // start or reported), never continued from the last save. They cost two round trips a save (a
            // create made eleven; four were SAVEPOINT and RELEASE).
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await change(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellation);

    /// <summary>Adds the entry for what just happened to <paramref name="student"/>; saved by the caller's next SaveChanges.</summary>
    public static void Record(RecordsDbContext db, TimeProvider clock, string actor, AuditAction action, Student student, IReadOnlyList<FieldChange> changes) =>
        db.AuditEntries.Add(Entry(clock, actor, action, student.Id, student.FullName, changes));

    /// <summary>The one entry for something done to many students at once (an import, an export), which <paramref name="summary"/> describes.</summary>
    public static void RecordBulk(RecordsDbContext db, TimeProvider clock, string actor, AuditAction action, string summary, IReadOnlyList<FieldChange> details) =>
        db.AuditEntries.Add(Entry(clock, actor, action, null, summary, details));

    private static AuditEntry Entry(TimeProvider clock, string actor, AuditAction action, int? studentId, string studentName, IReadOnlyList<FieldChange> changes) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        Actor = actor.Length > AuditEntry.ActorMaxLength ? actor[..AuditEntry.ActorMaxLength] : actor,
        Action = action,
        StudentId = studentId,
        StudentName = studentName,
        Details = FieldChange.ToJson(changes),
    };
}
