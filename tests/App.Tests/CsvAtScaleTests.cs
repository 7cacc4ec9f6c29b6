using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using Xunit.Abstractions;

namespace StudentRecords.App.Tests;

/// <summary>
/// Import and export at a registrar's scale on MariaDB. The times are printed as figures (docs/performance.md),
/// not asserted: this machine's speed varies with what else runs. What is asserted is what must hold at any speed.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class CsvAtScaleTests(MariaDbServer mariaDb, ITestOutputHelper output)
{
    [Fact]
    public async Task AHundredThousandRowsImportWholeOrNotAtAll()
    {
        const int rows = 100_000;
        using var app = RecordsApp.OnMariaDb(mariaDb);
        var client = await app.SignedInClientAsync();
        var file = new StringBuilder(CsvUploads.Header + "\r\n");
        for (var i = 1; i <= rows; i++) file.Append($"Student {Letters(i)},student{i}@example.org,{16 + i % 60},Course {i % 40},2024-09-01\r\n");
        var content = Encoding.UTF8.GetBytes(file.ToString());
        var badLast = Encoding.UTF8.GetBytes(file + "Late Duplicate,student1@example.org,20,Law,2024-09-01\r\n");

        // The same file with one bad row at its very end: the import is refused and nothing is written.
        var (refusedUrl, refused) = await CsvUploads.DryRunAsync(client, badLast, "bad.csv");
        Assert.Contains($"<tr><td>{rows + 2}</td><td>The e-mail address student1@example.org is on line 2 too.", refused);

        var clock = Stopwatch.StartNew();
        var (url, dryRun) = await CsvUploads.DryRunAsync(client, content, "big.csv");
        var checkedIn = clock.Elapsed;
        Assert.Contains($"{rows:N0} row(s) ready to import; 0 row(s) with problems.", dryRun);
        var imported = await CsvUploads.ImportAsync(client, url);
        clock.Stop();
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        output.WriteLine($"{rows:N0} rows ({content.Length / 1048576.0:0.0} MB): upload and dry run {checkedIn.TotalSeconds:0.0} s, whole import {clock.Elapsed.TotalSeconds:0.0} s");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        Assert.Equal(rows, await db.Students.CountAsync());
        Assert.Equal($"Student {Letters(77777)}", await db.Students.Where(s => s.Email == "student77777@example.org").Select(s => s.FullName).SingleAsync());
        Assert.Equal(rows, await db.Students.Select(s => s.Version).Distinct().CountAsync()); // each row its own version
        Assert.Contains($"Student {Letters(77777)}", await client.GetStringAsync("/Students?q=student77777%40example.org")); // searchable

        // The refused upload, imported now, meets the rows already there: still nothing more is written.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("handler=Import", await client.GetStringAsync(refusedUrl));
        Assert.Equal(rows, await db.Students.CountAsync());
    }

    /// <summary>A number in letters (names may not hold digits): 1 → Ab, 27 → Bb.</summary>
    private static string Letters(int number)
    {
        var letters = new StringBuilder();
        for (; number > 0; number /= 26) letters.Insert(0, (char)('a' + number % 26));
        return char.ToUpperInvariant(letters[0]) + letters.ToString(1, letters.Length - 1) + "b";
    }

    [Fact]
    public async Task TwoHundredThousandStudentsExportAtConstantMemory()
    {
        const int rows = 200_000;
        using var app = RecordsApp.OnMariaDb(mariaDb);
        var client = await app.SignedInClientAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO students (FullName, Email, Age, Course, EnrolmentDate, Version)
                SELECT CONCAT('Student ', seq), CONCAT('s', seq, '@example.org'), 16 + seq % 60, 'History', '2024-09-01', UUID() FROM seq_1_to_{rows}
                """);
        }

        // The app runs in this process, so its heap is this heap: measured before, and halfway through the download.
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var response = await client.GetAsync("/Students/Export", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long read = 0, midway = 0;
        var lines = 0;
        for (int n; (n = await body.ReadAsync(buffer)) > 0;)
        {
            read += n;
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
            if (midway == 0 && lines > rows / 2) midway = GC.GetTotalMemory(forceFullCollection: true);
        }

        Assert.Equal(rows + 1, lines);
        var growth = (midway - before) / 1048576.0;
        output.WriteLine($"{rows:N0} students, {read / 1048576.0:0.0} MB of CSV: heap growth halfway through {growth:0.0} MB");
        // Buffered, 200,000 students would hold about 60 MB; streamed, only the buffers and a pooled connection.
        Assert.True(growth < 16, $"the heap grew by {growth:0.0} MB halfway through the export");
    }
}
