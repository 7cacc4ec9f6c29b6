using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;

namespace StudentRecords.App.Tests;

/// <summary>Every behaviour of the pages, against MariaDB and against SQLite.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class StudentPagesTests(MariaDbServer mariaDb)
{
    private RecordsApp App(string provider) => RecordsApp.On(provider, mariaDb);

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task CreateListDetailsEditDeleteRoundTrip(string provider)
    {
        using var app = App(provider);
        var client = await app.SignedInClientAsync();

        var id = await Forms.CreateAsync(client, Forms.Student("Zoë O'Brien-Núñez", "Zoe.OBrien@Example.org"));
        Assert.Contains("Zoë O&#x27;Brien-Núñez", await client.GetStringAsync("/Students"));
        var details = await client.GetStringAsync($"/Students/Details/{id}");
        Assert.Contains("zoe.obrien@example.org", details); // stored normalised

        var version = await Forms.VersionShownAsync(client, id);
        var edit = await Forms.PostAsync(client, $"/Students/Edit/{id}", Forms.Student("Zoë O'Brien-Núñez", "zoe@example.org", age: "22", version: version));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains(">22<", await client.GetStringAsync($"/Students/Details/{id}"));

        var delete = await Forms.PostAsync(client, $"/Students/Delete/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Students/Details/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("sqlite", "Input.FullName", "R2-D2", "may contain letters, spaces, hyphens and apostrophes only")]
    [InlineData("sqlite", "Input.FullName", "<b>Eve</b>", "may contain letters")]
    [InlineData("sqlite", "Input.FullName", "A", "minimum length of 2")]
    [InlineData("sqlite", "Input.Age", "15", "Age must be between 16 and 100")]
    [InlineData("sqlite", "Input.Age", "101", "Age must be between 16 and 100")]
    [InlineData("sqlite", "Input.Age", "old", "The value &#x27;old&#x27; is not valid for Age")]
    [InlineData("sqlite", "Input.Email", "not-an-address", "not a valid e-mail address")]
    [InlineData("sqlite", "Input.Course", "", "The Course or programme field is required")]
    [InlineData("sqlite", "Input.EnrolmentDate", "2199-01-01", "Enrolment date must be between 1950")]
    [InlineData("mariadb", "Input.Age", "15", "Age must be between 16 and 100")]
    public async Task InvalidFieldIsRefusedWithItsMessageNextToItAndTheInputKept(string provider, string field, string value, string message)
    {
        using var app = App(provider);
        var client = await app.SignedInClientAsync();
        var student = Forms.Student(course: "Input kept");
        student[field] = value;

        var response = await Forms.PostAsync(client, "/Students/Create", student);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        Assert.Contains(message, page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"data-valmsg-for=\"{field}\"", page);
        if (field != "Input.Course") Assert.Contains("value=\"Input kept\"", page);
        Assert.Contains("No students yet.", await client.GetStringAsync("/Students")); // nothing saved
    }

    [Theory]
    [InlineData("Zoë O'Brien-Núñez")]
    [InlineData("Łukasz Żółć")]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Siobhán Ní Bhriain")]
    [InlineData("D’Angelo Smith")]
    [InlineData("Анна Каренина")]
    [InlineData("李小龍")]
    public async Task RealNamesAreAccepted(string name)
    {
        using var app = App("sqlite");
        var client = await app.SignedInClientAsync();

        var id = await Forms.CreateAsync(client, Forms.Student(name, "someone@example.org"));

        Assert.Contains(name.Replace("'", "&#x27;"), await client.GetStringAsync($"/Students/Details/{id}")); // Unicode as is; only markup characters encoded
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task EmailIsUniqueWhateverItsCase(string provider)
    {
        using var app = App(provider);
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student(email: "grace@example.org"));

        var duplicate = await Forms.PostAsync(client, "/Students/Create", Forms.Student("Grace Hopper", " GRACE@Example.ORG "));

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Another student already has this e-mail address.", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task StaleEditIsRefusedAndOverwritesNothing(string provider)
    {
        using var app = App(provider);
        var alice = await app.SignedInClientAsync();
        var bob = await app.SignedInClientAsync();
        var id = await Forms.CreateAsync(alice, Forms.Student());
        var seenByAlice = await Forms.VersionShownAsync(alice, id);
        var seenByBob = await Forms.VersionShownAsync(bob, id);

        var bobSaves = await Forms.PostAsync(bob, $"/Students/Edit/{id}", Forms.Student(course: "Physics", version: seenByBob));
        var aliceSaves = await Forms.PostAsync(alice, $"/Students/Edit/{id}", Forms.Student(course: "Chemistry", version: seenByAlice));

        Assert.Equal(HttpStatusCode.Redirect, bobSaves.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, aliceSaves.StatusCode);
        Assert.Contains("Someone else changed this student", await aliceSaves.Content.ReadAsStringAsync());
        var details = await alice.GetStringAsync($"/Students/Details/{id}");
        Assert.Contains("Physics", details);
        Assert.DoesNotContain("Chemistry", details);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task EditsRacingOnOneStudentSaveOnceAndTellTheOthersItChanged(string provider)
    {
        using var app = App(provider);
        var editors = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.SignedInClientAsync()));
        var id = await Forms.CreateAsync(editors[0], Forms.Student(course: "History"));
        var version = await Forms.VersionShownAsync(editors[0], id);

        // Every edit adds the same search term ("physics") and keeps the e-mail: the ones that lose the race
        // meet the winner's term in the terms' key, which is not the e-mail's unique index.
        var saves = await Task.WhenAll(editors.Select((editor, i) =>
            Forms.PostAsync(editor, $"/Students/Edit/{id}", Forms.Student(age: $"{20 + i}", course: "History and Physics", version: version))));

        Assert.Single(saves, s => s.StatusCode == HttpStatusCode.Redirect);
        foreach (var lost in saves.Where(s => s.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
            Assert.Contains("Someone else changed this student", await lost.Content.ReadAsStringAsync());
        }
        Assert.Contains("1 student(s) matching", await editors[0].GetStringAsync("/Students?q=physics"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task InjectionAndScriptPayloadsAreStoredVerbatimAndRenderedInert(string provider)
    {
        using var app = App(provider);
        var client = await app.SignedInClientAsync();
        const string sql = "Robert'); DROP TABLE students;--";
        const string script = "<script>alert('x')</script>";

        var id = await Forms.CreateAsync(client, Forms.Student(course: sql));
        var second = await Forms.CreateAsync(client, Forms.Student("Eve Example", "eve@example.org", course: script));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        Assert.Equal(sql, db.Students.Single(s => s.Id == id).Course);
        Assert.Equal(script, db.Students.Single(s => s.Id == second).Course);
        var list = await client.GetStringAsync("/Students");
        Assert.DoesNotContain("<script>alert", list);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", list);
        Assert.Contains("2 student(s)", list); // the table is still there
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students?q=%27%29%3B%20DROP"));
    }

    [Fact]
    public async Task FormWithoutAntiforgeryTokenIsRefused()
    {
        using var app = App("sqlite");
        var client = await app.SignedInClientAsync();

        var response = await client.PostAsync("/Students/Create", new FormUrlEncodedContent(Forms.Student()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No students yet.", await client.GetStringAsync("/Students"));
    }

    [Fact]
    public async Task DeleteNeedsAPostAfterAConfirmationPage()
    {
        using var app = App("sqlite");
        var client = await app.SignedInClientAsync();
        var id = await Forms.CreateAsync(client, Forms.Student());

        var confirmation = await client.GetStringAsync($"/Students/Delete/{id}");

        Assert.Contains("Delete Ada Lovelace?", confirmation);
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task SearchMatchesNameEmailOrCourseAndTreatsWildcardsLiterally(string provider)
    {
        using var app = App(provider);
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student("Alan Turing", "alan@example.org", course: "Computing"));
        await Forms.CreateAsync(client, Forms.Student("Emmy Noether", "emmy@uni.example", course: "Algebra 100%"));

        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students?q=turing"));
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students?q=uni.example"));
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students?q=Comput"));
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students?q=100%25"));
        Assert.Contains("No student matches “_lan”.", await client.GetStringAsync("/Students?q=_lan"));
    }
}
