using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Audit;
using StudentRecords.App.Data;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>Every change leaves an entry, in the same transaction: who, when, which student, each field old → new.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class AuditTrailTests(MariaDbServer mariaDb)
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task CreateEditAndDeleteEachRecordWhoWhenAndWhatChanged(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await app.AddUserAsync("registrar@example.org", StaffRoles.Registrar);
        var client = await app.SignedInClientAsync(email: "registrar@example.org");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var id = await Forms.CreateAsync(client, Forms.Student("Zoë Núñez", "zoe@example.org", age: "21"));
        var version = await Forms.VersionShownAsync(client, id);
        await Forms.PostAsync(client, $"/Students/Edit/{id}", Forms.Student("Zoë Núñez", "zoe@example.org", age: "22", course: "Physics", version: version));
        await Forms.PostAsync(client, $"/Students/Delete/{id}", new Dictionary<string, string>());

        var entries = await EntriesAsync(app);
        Assert.Equal([AuditAction.Created, AuditAction.Edited, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("registrar@example.org", e.Actor);
            Assert.Equal(id, e.StudentId);
            Assert.Equal("Zoë Núñez", e.StudentName);
            Assert.InRange(e.AtUtc, before, DateTime.UtcNow.AddSeconds(1));
        });
        Assert.Contains(new FieldChange("Full name", null, "Zoë Núñez"), FieldChange.FromJson(entries[0].Details));
        Assert.Equal([new FieldChange("Age", "21", "22"), new FieldChange("Course or programme", "Mathematics", "Physics")], FieldChange.FromJson(entries[1].Details));
        Assert.Contains(new FieldChange("E-mail", "zoe@example.org", null), FieldChange.FromJson(entries[2].Details));

        // The history outlives the student, newest first.
        var history = await client.GetStringAsync($"/Students/History/{id}");
        Assert.True(history.IndexOf("Deleted", StringComparison.Ordinal) < history.IndexOf("Edited", StringComparison.Ordinal));
        Assert.True(history.IndexOf("Edited", StringComparison.Ordinal) < history.IndexOf("Created", StringComparison.Ordinal));
        Assert.Contains("<strong>Age</strong>: 21 → 22", history);
    }

    [Fact]
    public async Task EditsThatChangeNothingOrComeTooLateRecordNothing()
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();
        var id = await Forms.CreateAsync(client, Forms.Student());
        var version = await Forms.VersionShownAsync(client, id);

        await Forms.PostAsync(client, $"/Students/Edit/{id}", Forms.Student(version: version)); // the same values
        await Forms.PostAsync(client, $"/Students/Edit/{id}", Forms.Student(age: "40", version: Guid.NewGuid())); // stale

        Assert.Equal([AuditAction.Created], (await EntriesAsync(app)).Select(e => e.Action));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task WhenTheAuditEntryCannotBeWrittenTheChangeIsNotMadeEither(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = await app.SignedInClientAsync();
        var id = await Forms.CreateAsync(client, Forms.Student());
        var version = await Forms.VersionShownAsync(client, id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
            // A real failure inside the database, where the trail is written: the insert is refused.
            await db.Database.ExecuteSqlRawAsync(provider == "sqlite"
                ? "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit refused'); END;"
                : "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit refused'");
        }

        var edit = await Forms.PostAsync(client, $"/Students/Edit/{id}", Forms.Student(age: "55", version: version));
        var create = await Forms.PostAsync(client, "/Students/Create", Forms.Student("Grace Hopper", "grace@example.org"));
        var delete = await Forms.PostAsync(client, $"/Students/Delete/{id}", new Dictionary<string, string>());

        foreach (var response in new[] { edit, create, delete })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // the database refused: the friendly page
            Assert.Contains("Nothing you entered was saved", await response.Content.ReadAsStringAsync());
        }
        await using var check = app.Services.CreateAsyncScope();
        var students = await check.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.AsNoTracking().ToListAsync();
        Assert.Equal((36, version), (students.Single().Age, students.Single().Version));
    }

    [Fact]
    public async Task EntriesCannotBeChangedOrDeletedThroughTheApp()
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        var entry = await db.AuditEntries.SingleAsync();

        entry.Actor = "someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task RecentChangesListsEveryChangeNewestFirstFiftyAPage()
    {
        using var app = RecordsApp.OnSqlite();
        var registrar = await app.SignedInClientAsync();
        for (var i = 0; i < 51; i++) await Forms.CreateAsync(registrar, Forms.Student($"Student {(char)('A' + (i / 26))}{(char)('a' + (i % 26))}", $"s{i}@example.org"));
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);

        var first = await admin.GetStringAsync("/Admin/Changes");
        var second = await admin.GetStringAsync("/Admin/Changes?p=2");

        Assert.Equal(50, CountOf(first, "<td>Created</td>"));
        Assert.Contains("Student By", first); // the 51st, newest
        Assert.Equal(1, CountOf(second, "<td>Created</td>"));
        Assert.Contains("Student Aa", second); // the first, oldest
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetAsync("/Admin/Changes")).StatusCode);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<List<AuditEntry>> EntriesAsync(RecordsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }
}
