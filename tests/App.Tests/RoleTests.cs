using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>What each role may do, enforced by the server whatever the pages show.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class RoleTests(MariaDbServer mariaDb)
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task ViewerPostingAnyFormGets403AndChangesNothing(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var registrar = await app.SignedInClientAsync(StaffRoles.Registrar);
        var id = await Forms.CreateAsync(registrar, Forms.Student());
        var version = await Forms.VersionShownAsync(registrar, id);
        var viewer = await app.SignedInClientAsync(StaffRoles.Viewer);
        var token = Forms.TokenIn(await viewer.GetStringAsync($"/Students/Details/{id}")); // a valid token of the viewer's own

        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            ["/Students/Create"] = Forms.Student("Eve Intruder", "eve@example.org"),
            [$"/Students/Edit/{id}"] = Forms.Student("Eve Intruder", "eve@example.org", version: version),
            [$"/Students/Delete/{id}"] = [],
            ["/Admin/Users?handler=Add"] = new() { ["Email"] = "eve@example.org", ["Role"] = StaffRoles.Administrator, ["Password"] = RecordsApp.Password },
        };
        foreach (var (url, fields) in posts)
        {
            var response = await viewer.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Your role does not allow this", await response.Content.ReadAsStringAsync());
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        var student = await db.Students.SingleAsync();
        Assert.Equal(("Ada Lovelace", version), (student.FullName, student.Version));
        Assert.Null(await db.Users.FirstOrDefaultAsync(u => u.Email == "eve@example.org"));
    }

    [Fact]
    public async Task FormTokenOfAnotherUserOrOfNoSessionIsRefusedWithAPageAndNothingSaved()
    {
        using var app = RecordsApp.OnSqlite();
        var registrar = await app.SignedInClientAsync(StaffRoles.Registrar);
        var other = await app.SignedInClientAsync(StaffRoles.Registrar);
        var tokens = new[]
        {
            Forms.TokenIn(await other.GetStringAsync("/Students/Create")), // issued to someone else
            Forms.TokenIn(await Forms.Browser(app).GetStringAsync("/Account/SignIn")), // issued before signing in
            "",
        };
        foreach (var token in tokens)
        {
            var response = await registrar.PostAsync("/Students/Create", new FormUrlEncodedContent(new Dictionary<string, string>(Forms.Student()) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Nothing was saved", await response.Content.ReadAsStringAsync());
        }
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.ToListAsync());
    }

    [Theory]
    [InlineData(StaffRoles.Viewer, "/Students/Create", HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Viewer, "/Admin/Changes", HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Registrar, "/Students/Create", HttpStatusCode.OK)]
    [InlineData(StaffRoles.Registrar, "/Admin/Changes", HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Registrar, "/Admin/Users", HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Administrator, "/Admin/Changes", HttpStatusCode.OK)]
    [InlineData(StaffRoles.Administrator, "/Admin/Users", HttpStatusCode.OK)]
    [InlineData(StaffRoles.Administrator, "/Students/Create", HttpStatusCode.OK)]
    public async Task EachRoleReachesWhatItMay(string role, string path, HttpStatusCode expected)
    {
        using var app = RecordsApp.OnSqlite();
        Assert.Equal(expected, (await (await app.SignedInClientAsync(role)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task PagesShowEachRoleOnlyWhatItMayDo()
    {
        using var app = RecordsApp.OnSqlite();
        var registrar = await app.SignedInClientAsync(StaffRoles.Registrar);
        var id = await Forms.CreateAsync(registrar, Forms.Student());
        var viewer = await app.SignedInClientAsync(StaffRoles.Viewer);
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);

        foreach (var page in new[] { await viewer.GetStringAsync("/Students"), await viewer.GetStringAsync($"/Students/Details/{id}") })
        {
            Assert.DoesNotContain("/Students/Edit/", page);
            Assert.DoesNotContain("/Students/Delete/", page);
            Assert.DoesNotContain("/Students/Create", page);
            Assert.DoesNotContain("/Admin/", page);
        }
        var registrarList = await registrar.GetStringAsync("/Students");
        Assert.Contains($"/Students/Edit/{id}", registrarList);
        Assert.DoesNotContain("/Admin/Changes", registrarList);
        Assert.Contains("/Admin/Changes", await admin.GetStringAsync("/Students"));
    }

    [Fact]
    public async Task RoleChangeReachesALiveSessionAtTheNextStampCheck()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = RecordsApp.OnSqlite().WithClock(clock);
        await app.AddUserAsync("someone@example.org", StaffRoles.Registrar);
        var client = await app.SignedInClientAsync(email: "someone@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Students/Create")).StatusCode);

        using (var scope = app.Services.CreateScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetRoleAsync("someone@example.org", StaffRoles.Viewer, "test"));
        clock.Advance(SessionLifetime.StampCheck + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Students/Create")).StatusCode);
    }
}
