using System.Text;

namespace StudentRecords.App.Students.Csv;

/// <summary>
/// The checks an uploaded file must pass before any row is read: present, within the size limit, a CSV
/// and not a workbook, UTF-8 text. Each refusal says what to do instead.
/// </summary>
public static class UploadedCsv
{
    public const int MaxMegabytes = 20;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    /// <summary>How much a request may carry, above the limit: a larger file is still read, so it can be refused with a message rather than a dropped connection.</summary>
    public const long MaxRequestBytes = 4 * MaxBytes;

    private static readonly string[] Extensions = [".csv", ".txt"];

    /// <summary>The file's bytes, or why it is refused.</summary>
    public static async Task<(byte[]? Content, string? Problem)> ReadAsync(IFormFile? file, CancellationToken cancellation)
    {
        if (file is null || file.Length == 0) return (null, "Choose a CSV file to upload.");
        if (file.Length > MaxBytes)
            return (null, $"The file is {file.Length / (1024.0 * 1024.0):0.#} MB; files of at most {MaxMegabytes} MB can be imported. Split it into smaller files.");
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            return (null, $"Only CSV files can be imported, and this is a {(extension.Length > 0 ? extension : "file without an extension")}. Save it as “CSV UTF-8 (comma delimited)” and upload that.");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, cancellation);
        return (content, ProblemWith(content));
    }

    /// <summary>Why <paramref name="content"/> is not UTF-8 CSV text, or null when it is.</summary>
    public static string? ProblemWith(byte[] content)
    {
        if (StartsWith(content, 0x50, 0x4B, 0x03, 0x04) || StartsWith(content, 0xD0, 0xCF, 0x11, 0xE0))
            return "This is a spreadsheet workbook, not a CSV file. Save it as “CSV UTF-8 (comma delimited)” and upload that.";
        if (StartsWith(content, 0xFF, 0xFE) || StartsWith(content, 0xFE, 0xFF))
            return "The file is saved as UTF-16. Save it as “CSV UTF-8 (comma delimited)” and upload that.";
        if (Array.IndexOf(content, (byte)0) is var nul and >= 0)
            return $"The file is not text (it holds a NUL byte on line {LineOf(content, nul)}), so it is not a CSV file.";
        try
        {
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(content);
        }
        catch (DecoderFallbackException e)
        {
            return $"The file is not UTF-8: line {LineOf(content, e.Index)} holds bytes UTF-8 does not allow (it was probably saved as Windows-1252 or Latin-1). Save it as “CSV UTF-8 (comma delimited)” and upload that.";
        }
        return null;
    }

    private static bool StartsWith(byte[] content, params byte[] signature) => content.AsSpan().StartsWith(signature);

    private static int LineOf(byte[] content, int index) => 1 + content.AsSpan(0, Math.Clamp(index, 0, content.Length)).Count((byte)'\n');
}
