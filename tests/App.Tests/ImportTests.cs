using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>Bulk import through the real pages: upload, dry run, import, on both databases.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class ImportTests(MariaDbServer mariaDb)
{
    private static async Task<T> InDatabaseAsync<T>(RecordsApp app, Func<RecordsDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<RecordsDbContext>());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AGoodFileIsImportedWholeAndAuditedAsOneEntry(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = await app.SignedInClientAsync(StaffRoles.Registrar, null);
        // Excel's European export: semicolons, a byte order mark, other header names, a quoted field.
        var file = Encoding.UTF8.GetPreamble().Concat(CsvUploads.Utf8(
            "Name;Email;Age;Programme;Enrolled",
            "Zoë Núñez;ZOE@example.org;19;\"History; Medieval\";2025-09-01",
            "Łukasz Wiśniewski;lukasz@example.org;22;Physics;2024-09-15",
            "王小明;xiaoming@example.org;20;Computing;2023-10-01")).ToArray();

        var (url, dryRun) = await CsvUploads.DryRunAsync(client, file, "admissions-2025.csv");
        Assert.Contains("3 row(s) ready to import; 0 row(s) with problems.", dryRun);
        Assert.Equal(0, await InDatabaseAsync(app, db => db.Students.CountAsync())); // a dry run writes nothing

        var imported = await CsvUploads.ImportAsync(client, url);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("Imported 3 students from admissions-2025.csv.", await client.GetStringAsync(imported.Headers.Location!.ToString()));

        var students = await InDatabaseAsync(app, db => db.Students.OrderBy(s => s.Email).ToListAsync());
        Assert.Equal(["lukasz@example.org", "xiaoming@example.org", "zoe@example.org"], students.Select(s => s.Email));
        var zoe = students[2];
        Assert.Equal(("Zoë Núñez", 19, "History; Medieval", new DateOnly(2025, 9, 1)), (zoe.FullName, zoe.Age, zoe.Course, zoe.EnrolmentDate));

        // Imported rows are searchable at once: their terms are written in the import's transaction.
        Assert.Contains("1 student(s) matching “zoe nunez”", await client.GetStringAsync("/Students?q=zoe+nunez"));
        Assert.Contains("1 student(s) matching “lukasz”", await client.GetStringAsync("/Students?q=lukasz"));
        Assert.Contains("1 student(s) matching “王”", await client.GetStringAsync("/Students?q=%E7%8E%8B"));

        var entry = Assert.Single(await InDatabaseAsync(app, db => db.AuditEntries.ToListAsync()));
        Assert.Equal(AuditAction.Imported, entry.Action);
        Assert.Null(entry.StudentId);
        Assert.Contains(new FieldChange("File", null, "admissions-2025.csv"), FieldChange.FromJson(entry.Details));
        Assert.Contains(new FieldChange("Students added", null, "3"), FieldChange.FromJson(entry.Details));

        // The staged upload is gone: importing it again finds nothing to import.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task TheDryRunListsEveryBadRowWithItsLineAndReasonAndTheImportThenChangesNothing(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student(email: "taken@example.org"));
        var file = CsvUploads.Utf8(
            CsvUploads.Header,
            "Good Student,good@example.org,20,Law,2025-09-01",              // line 2
            "Bad Age,age@example.org,twenty,Law,2025-09-01",                // line 3
            "Bad Mail,not-an-address,20,Law,2025-09-01",                    // line 4
            "Second Good,second@example.org,21,Law,2025-09-01",             // line 5
            "Twice Listed,GOOD@example.org,22,Law,2025-09-01",              // line 6: line 2's address
            "Already There,taken@example.org,23,Law,2025-09-01",            // line 7: in the database
            "Bad Date,date@example.org,24,Law,01/09/2025",                  // line 8
            "Too Young,young@example.org,12,Law,2025-09-01",                // line 9
            ",missing@example.org,20,Law,2025-09-01");                      // line 10

        var (url, dryRun) = await CsvUploads.DryRunAsync(client, file);
        Assert.Contains("2 row(s) ready to import; 7 row(s) with problems.", dryRun);
        AssertProblem(dryRun, 3, "Age must be a whole number, not “twenty”.");
        AssertProblem(dryRun, 4, "The E-mail field is not a valid e-mail address.");
        AssertProblem(dryRun, 6, "The e-mail address good@example.org is on line 2 too.");
        AssertProblem(dryRun, 7, "Another student already has this e-mail address.");
        AssertProblem(dryRun, 8, "Enrolment date must be written as year-month-day, like 2025-09-01, not “01/09/2025”.");
        AssertProblem(dryRun, 9, "Age must be between 16 and 100.");
        AssertProblem(dryRun, 10, "The Full name field is required.");
        Assert.DoesNotContain("value=\"Import", dryRun);
        Assert.DoesNotContain("handler=Import", dryRun);

        // Posting the import anyway (a stale page, a crafted request) imports nothing.
        var token = Forms.TokenIn(await client.GetStringAsync("/Students/Import"));
        var forced = await client.PostAsync("/Students/Import?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = url.Split("id=")[1],
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Conflict, forced.StatusCode);
        Assert.Equal(1, await InDatabaseAsync(app, db => db.Students.CountAsync()));
        Assert.Equal(1, await InDatabaseAsync(app, db => db.AuditEntries.CountAsync())); // the one created above
    }

    private static void AssertProblem(string page, int line, string reason) =>
        Assert.Contains($"<tr><td>{line}</td><td>{WebUtility.HtmlEncode(reason).Replace("&#x201C;", "“").Replace("&#x201D;", "”")}", page.Replace("&#x27;", "'"));

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "empty.csv", [], "Choose a CSV file to upload." },
        { "students.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "Only CSV files can be imported, and this is a .xlsx." },
        { "renamed.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "This is a spreadsheet workbook, not a CSV file." },
        { "utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(CsvUploads.Header)], "The file is saved as UTF-16." },
        { "latin1.csv", [.. Encoding.UTF8.GetBytes(CsvUploads.Header + "\r\nZo"), 0xEB, .. Encoding.UTF8.GetBytes(",z@example.org,20,Law,2025-09-01\r\n")], "The file is not UTF-8: line 2 holds bytes UTF-8 does not allow" },
        { "binary.csv", [0x41, 0x00, 0x42], "The file is not text" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task FilesThatAreNotUtf8CsvAreRefusedWithAMessageAndNothingIsStaged(string fileName, byte[] content, string message)
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();

        var response = await CsvUploads.PostAsync(client, content, fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(message).Replace("&#x201C;", "“").Replace("&#x201D;", "”"), await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await InDatabaseAsync(app, db => db.ImportUploads.CountAsync()));
    }

    [Fact]
    public async Task AFileOverTheLimitIsReadAndRefusedWithItsSize()
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();
        var row = Encoding.UTF8.GetBytes("Someone Long,someone@example.org,20,Law,2025-09-01\r\n");
        var content = new byte[21 * 1024 * 1024];
        for (var i = 0; i + row.Length <= content.Length; i += row.Length) row.CopyTo(content, i);

        var response = await CsvUploads.PostAsync(client, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file is 21 MB; files of at most 20 MB can be imported.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task ColumnsTheHeaderDoesNotNameAreChosenInTheFormAndAHeaderOnlyFileHasNothingToImport(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = await app.SignedInClientAsync();
        var file = CsvUploads.Utf8("Student,Contact,Years,Degree,Start date", "Ada Lovelace,ada@example.org,36,Mathematics,2024-09-01");

        var (url, dryRun) = await CsvUploads.DryRunAsync(client, file);
        Assert.Contains("No column is chosen for “E-mail”.", dryRun);
        Assert.Contains("No column is chosen for “Age”.", dryRun);

        var mapped = await client.GetStringAsync($"{url}&Map[name]=0&Map[email]=1&Map[age]=2&Map[course]=3&Map[enrolled]=4");
        Assert.Contains("1 row(s) ready to import; 0 row(s) with problems.", mapped);
        Assert.Equal(HttpStatusCode.Redirect, (await CsvUploads.ImportAsync(client, $"{url}&Map[name]=0&Map[email]=1&Map[age]=2&Map[course]=3&Map[enrolled]=4")).StatusCode);
        Assert.Equal("ada@example.org", await InDatabaseAsync(app, db => db.Students.Select(s => s.Email).SingleAsync()));

        var again = await client.GetAsync(url); // imported already
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This upload is no longer waiting", await again.Content.ReadAsStringAsync());

        var (_, headerOnly) = await CsvUploads.DryRunAsync(client, CsvUploads.Utf8(CsvUploads.Header));
        Assert.Contains("The file has a header but no rows under it.", headerOnly);
    }

    [Fact]
    public async Task AnUploadIsOnlyItsUploadersAndViewersMayNeitherImportNorExport()
    {
        using var app = RecordsApp.OnSqlite();
        var (url, _) = await CsvUploads.DryRunAsync(await app.SignedInClientAsync(), CsvUploads.Utf8(CsvUploads.Header, "Ada Lovelace,ada@example.org,36,Mathematics,2024-09-01"));

        var otherRegistrar = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherRegistrar.GetAsync(url)).StatusCode);

        var viewer = await app.SignedInClientAsync(StaffRoles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Students/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Students/Export")).StatusCode);
        Assert.DoesNotContain("/Students/Import", await viewer.GetStringAsync("/Students"));
    }
}
