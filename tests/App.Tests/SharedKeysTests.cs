using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;

namespace StudentRecords.App.Tests;

/// <summary>Two tasks behind one load balancer: a form fetched from one can be posted to the other.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class SharedKeysTests(MariaDbServer mariaDb)
{
    [Fact]
    public async Task AntiforgeryTokenFromOneInstanceIsAcceptedByAnother()
    {
        using var first = RecordsApp.OnMariaDb(mariaDb);
        _ = first.Server; // migrates, and creates the key ring in the database
        using var second = RecordsApp.OnMariaDb(mariaDb, first.DatabaseName);

        var form = await first.CreateClient().GetAsync("/Students/Create");
        var token = Forms.TokenIn(await form.Content.ReadAsStringAsync());
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        var post = new HttpRequestMessage(HttpMethod.Post, "/Students/Create")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Forms.Student()) { ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookie);
        var response = await Forms.Browser(second).SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // In one test process both instances could also share a key file under $HOME; ECS tasks cannot.
        // The key ring must therefore live in the shared database.
        using var scope = second.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<RecordsDbContext>().DataProtectionKeys);
    }
}
