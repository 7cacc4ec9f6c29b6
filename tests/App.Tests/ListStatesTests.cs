using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>What the list says when it has nothing to show, or not what was asked for.</summary>
public sealed class ListStatesTests
{
    [Fact]
    public async Task AnEmptyListOffersAddingAndImportingToThoseWhoMayAndAViewerIsToldWhoCan()
    {
        using var app = RecordsApp.OnSqlite();

        var registrar = await (await app.SignedInClientAsync(StaffRoles.Registrar)).GetStringAsync("/Students");
        Assert.Contains("No students yet. Add them one by one, or import a CSV file of many at once.", registrar);
        Assert.Contains("href=\"/Students/Create\"", registrar);
        Assert.Contains("href=\"/Students/Import\"", registrar);
        Assert.DoesNotContain("<table", registrar);
        Assert.DoesNotContain("Export CSV", registrar); // nothing to export

        var viewer = await (await app.SignedInClientAsync(StaffRoles.Viewer)).GetStringAsync("/Students");
        Assert.Contains("No students yet. Staff who may change records can add or import them.", viewer);
        Assert.DoesNotContain("/Students/Import", viewer);
    }

    [Fact]
    public async Task ASearchWithoutMatchSaysSoAndAPagePastTheEndSaysWhichPageIsShown()
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();
        for (var i = 0; i < 21; i++) await Forms.CreateAsync(client, Forms.Student($"Student {(char)('a' + i)}", $"s{i}@example.org"));

        var none = await client.GetStringAsync("/Students?q=Nobody");
        Assert.Contains("No student matches “Nobody”.", none);
        Assert.Contains(">Show all students</a>", none);

        var past = await client.GetStringAsync("/Students?p=9");
        Assert.Contains("There is no page 9: showing the last page, 2.", past);
        Assert.Equal(1, past.Split("/Students/Details/").Length - 1); // page 2 holds the 21st student alone
        Assert.Contains("Export CSV", past);
        Assert.DoesNotContain("There is no page", await client.GetStringAsync("/Students?p=2"));
    }
}
