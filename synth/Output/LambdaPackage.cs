using System.IO.Compression;
using System.Security.Cryptography;

namespace StudentRecords.Synth.Output;

/// <summary>
/// A Lambda deployment package (.zip) of a source folder, built before the constructs (which read no
/// files) rather than by CDKTF's archive asset, which starts a Node.js process on every synth and records
/// each file's modification time (so every checkout zipped differently). Entries in ordinal order, one
/// fixed time, stored uncompressed (a deflater's output may change with the zlib .NET ships): the same
/// source gives the same bytes.
/// </summary>
/// <param name="Path">The package, in a temp folder named by its content.</param>
/// <param name="Base64Sha256">What Lambda reports as the code's CodeSha256 (Terraform's filebase64sha256).</param>
public sealed record LambdaPackage(string Path, string Base64Sha256)
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero); // the earliest a zip records
    private static readonly int ReadableRegularFile = Convert.ToInt32("100644", 8) << 16; // Unix mode, in the high half: Lambda needs files readable by all

    public static LambdaPackage Build(string sourceFolder)
    {
        var bytes = Zip(sourceFolder);
        var sha256 = SHA256.HashData(bytes);
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"srp-lambda-{Convert.ToHexStringLower(sha256)[..16]}"));
        var path = System.IO.Path.Combine(folder.FullName, $"{new DirectoryInfo(sourceFolder).Name}.zip");
        if (!File.Exists(path))
        {
            var partial = $"{path}.{Environment.ProcessId}.partial"; // never a half-written package under the final name
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, path, overwrite: true);
        }
        return new LambdaPackage(path, Convert.ToBase64String(sha256));
    }

    private static byte[] Zip(string sourceFolder)
    {
        var files = Directory.GetFiles(sourceFolder, "*", SearchOption.AllDirectories)
            .Select(file => (File: file, Name: System.IO.Path.GetRelativePath(sourceFolder, file).Replace('\\', '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new InvalidOperationException($"The Lambda source folder {sourceFolder} has no files.");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (file, name) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                entry.LastWriteTime = FixedTime;
                entry.ExternalAttributes = ReadableRegularFile;
                using var target = entry.Open();
                using var source = File.OpenRead(file);
                source.CopyTo(target);
            }
        }
        return buffer.ToArray();
    }
}
