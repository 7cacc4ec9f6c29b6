namespace StudentRecords.App.Audit;

public enum AuditAction
{
    Created = 1,
    Edited = 2,
    Deleted = 3,

    /// <summary>A CSV import: one entry for all its students, with the file name and counts.</summary>
    Imported = 4,

    /// <summary>The list or a search downloaded as CSV: records that left the system.</summary>
    Exported = 5,
}
