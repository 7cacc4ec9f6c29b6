namespace StudentRecords.App.Students.Csv;

/// <summary>
/// An uploaded file between its dry run and its import. Kept in the database rather than on the task
/// that received it: the next request may reach another task, or DR after a failover.
/// </summary>
public sealed class ImportUpload
{
    public const int FileNameMaxLength = 255;

    /// <summary>How long an upload waits for its import; older ones are removed when the next is staged.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Who uploaded it: nobody else may see or import it.</summary>
    public required string Actor { get; set; }

    public required string FileName { get; set; }

    public DateTime UploadedUtc { get; set; }

    /// <summary>The file, gzip-compressed: a 20 MB upload stays well below MariaDB's 16 MB packet limit.</summary>
    public required byte[] Content { get; set; }
}
