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
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await change(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellation);

    /// <summary>Adds the entry for what just happened to <paramref name="student"/>; saved by the caller's next SaveChanges.</summary>
    public static void Record(RecordsDbContext db, TimeProvider clock, string actor, AuditAction action, Student student, IReadOnlyList<FieldChange> changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Length > AuditEntry.ActorMaxLength ? actor[..AuditEntry.ActorMaxLength] : actor,
            Action = action,
            StudentId = student.Id,
            StudentName = student.FullName,
            Details = FieldChange.ToJson(changes),
        });
}
