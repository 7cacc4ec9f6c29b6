using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;

namespace StudentRecords.App.Tests;

/// <summary>The list as CSV: what a spreadsheet reads, what the import reads back, what the audit records.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class ExportTests(MariaDbServer mariaDb)
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task TheExportIsRfc4180WithFormulasNeutralisedAuditedAndImportsBackUnchanged(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student("Zoë Núñez", "zoe@example.org", course: "=HYPERLINK(\"http://evil.example\",\"x\")"));
        await Forms.CreateAsync(client, Forms.Student("Ada Lovelace", "ada@example.org", course: "@SUM(A1:A9), \"quoted\"\r\nsecond line"));
        await Forms.CreateAsync(client, Forms.Student("Grace Hopper", "grace@example.org", course: "-Computing+"));

        var response = await client.GetAsync("/Students/Export?sort=Email");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        // The expected file written out by hand from RFC 4180: CRLF records, fields with quotes, commas or
        // line breaks quoted with inner quotes doubled, and a leading = + - @ behind a ' and in quotes (OWASP's advice).
        Assert.Equal(
            "Full name,E-mail,Age,Course or programme,Enrolment date\r\n" +
            "Ada Lovelace,ada@example.org,36,\"'@SUM(A1:A9), \"\"quoted\"\"\r\nsecond line\",2024-09-01\r\n" +
            "Grace Hopper,grace@example.org,36,\"'-Computing+\",2024-09-01\r\n" +
            "Zoë Núñez,zoe@example.org,36,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",2024-09-01\r\n",
            text);

        using (var scope = app.Services.CreateScope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().AuditEntries.OrderBy(e => e.Id).LastAsync();
            Assert.Equal(AuditAction.Exported, entry.Action);
            Assert.Contains(new FieldChange("Students", null, "3"), FieldChange.FromJson(entry.Details));
            Assert.Contains(new FieldChange("Search", null, "(all students)"), FieldChange.FromJson(entry.Details));
        }

        // The file imports into an empty database as the same students (the ' is part of the text then).
        using var other = RecordsApp.On(provider, mariaDb);
        var otherClient = await other.SignedInClientAsync();
        var (url, dryRun) = await CsvUploads.DryRunAsync(otherClient, bytes, "export.csv");
        Assert.Contains("3 row(s) ready to import; 0 row(s) with problems.", dryRun);
        Assert.Equal(HttpStatusCode.Redirect, (await CsvUploads.ImportAsync(otherClient, url)).StatusCode);
        using var otherScope = other.Services.CreateScope();
        var names = await otherScope.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.OrderBy(s => s.Email).Select(s => s.FullName + "|" + s.Course).ToListAsync();
        Assert.Equal(["Ada Lovelace|'@SUM(A1:A9), \"quoted\"\r\nsecond line", "Grace Hopper|'-Computing+", "Zoë Núñez|'=HYPERLINK(\"http://evil.example\",\"x\")"], names);
    }

    [Fact]
    public async Task ASearchExportsOnlyItsMatchesInTheListsOrder()
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student("Ada Lovelace", "ada@example.org", age: "36", course: "Mathematics"));
        await Forms.CreateAsync(client, Forms.Student("Alan Turing", "alan@example.org", age: "41", course: "Mathematics"));
        await Forms.CreateAsync(client, Forms.Student("Grace Hopper", "grace@example.org", course: "Computing"));

        var text = await client.GetStringAsync("/Students/Export?q=Mathematics&sort=Age&desc=true");

        Assert.Equal(["Alan Turing", "Ada Lovelace"], text.Split("\r\n")[1..^1].Select(line => line.Split(',')[0]));
    }
}
