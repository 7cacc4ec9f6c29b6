using Microsoft.EntityFrameworkCore;

namespace StudentRecords.App.Audit;

/// <summary>One page of audit entries, newest first, read by id (the trail's insertion order).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasNext)
{
    public const int Size = 50;

    public static async Task<AuditPage> ReadAsync(IQueryable<AuditEntry> entries, int page, CancellationToken cancellation)
    {
        page = Math.Max(page, 1);
        var rows = await entries.AsNoTracking().OrderByDescending(e => e.Id).Skip((page - 1) * Size).Take(Size + 1).ToListAsync(cancellation);
        return new(rows.Take(Size).ToList(), page, rows.Count > Size);
    }
}
