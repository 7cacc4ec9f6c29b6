using System.Net;

namespace StudentRecords.App.Tests;

/// <summary>Many people at once against MariaDB: nothing lost, nothing mixed up.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class ConcurrencyTests(MariaDbServer mariaDb)
{
    [Fact]
    public async Task SixtyFourParallelCreatesAndEditsLoseNothing()
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        await app.AddUserAsync("registrar@example.org", StudentRecords.App.Identity.StaffRoles.Registrar);
        var clients = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => app.SignedInClientAsync(email: "registrar@example.org")));

        var ids = await Task.WhenAll(clients.Select((client, i) =>
            Forms.CreateAsync(client, Forms.Student($"Parallel Student {Letters(i)}", $"p{i}@example.org", age: "30", course: $"Course {i}"))));
        var edits = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var version = await Forms.VersionShownAsync(client, ids[i]);
            return await Forms.PostAsync(client, $"/Students/Edit/{ids[i]}", Forms.Student($"Parallel Student {Letters(i)}", $"p{i}@example.org", age: "31", course: $"Edited {i}", version: version));
        }));

        Assert.All(edits, e => Assert.Equal(HttpStatusCode.Redirect, e.StatusCode));
        Assert.Equal(64, ids.Distinct().Count());
        for (var i = 0; i < 64; i++)
        {
            var details = await clients[i].GetStringAsync($"/Students/Details/{ids[i]}");
            Assert.Contains($"Edited {i}<", details);
            Assert.Contains($"p{i}@example.org", details);
        }
        Assert.Contains("64 student(s)", await clients[0].GetStringAsync("/Students"));
    }

    private static string Letters(int i) => $"{(char)('A' + (i / 26))}{(char)('a' + (i % 26))}";
}
