namespace StudentRecords.App.Audit;

public enum AuditAction
{
    Created = 1,
    Edited = 2,
    Deleted = 3,
}
