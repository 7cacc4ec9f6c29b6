namespace StudentRecords.App.Audit;

/// <summary>
/// One change to the records, written in the same transaction as the change itself. Append-only:
/// the context refuses to update or delete one (RecordsDbContext.SaveChangesAsync).
/// </summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 254;

    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The signed-in user's name (an e-mail), as it was when the change was made.</summary>
    public required string Actor { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>No foreign key: the entry outlives the student it describes.</summary>
    public int? StudentId { get; set; }

    /// <summary>The student's name at the time, so a deleted student's entries still say who it was.</summary>
    public required string StudentName { get; set; }

    /// <summary>JSON: the changed fields, old → new (<see cref="FieldChange"/>), or an import's counts.</summary>
    public required string Details { get; set; }
}
