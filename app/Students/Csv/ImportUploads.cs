using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Csv;

/// <summary>Stages an upload for its dry runs and import, and finds it again for the same person only.</summary>
public static class ImportUploads
{
    public static async Task<ImportUpload> StageAsync(RecordsDbContext db, TimeProvider clock, string actor, string fileName, byte[] content, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ImportUploads.Where(u => u.UploadedUtc < now - ImportUpload.Lifetime).ExecuteDeleteAsync(cancellation);
        var name = Path.GetFileName(fileName);
        var upload = new ImportUpload
        {
            Actor = actor,
            FileName = name.Length > ImportUpload.FileNameMaxLength ? name[..ImportUpload.FileNameMaxLength] : name,
            UploadedUtc = now,
            Content = Compress(content),
        };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(cancellation);
        return upload;
    }

    /// <summary>The upload, if it is <paramref name="actor"/>'s and has not expired or been imported.</summary>
    public static Task<ImportUpload?> FindAsync(RecordsDbContext db, TimeProvider clock, string actor, Guid id, CancellationToken cancellation)
    {
        var oldest = clock.GetUtcNow().UtcDateTime - ImportUpload.Lifetime;
        return db.ImportUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Actor == actor && u.UploadedUtc >= oldest, cancellation);
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress)) gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }
}
