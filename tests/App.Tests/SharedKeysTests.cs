using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>
/// Two tasks behind one load balancer (or production and DR after a failover): a session and a form
/// from one are accepted by the other, because keys and accounts live in the shared database.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class SharedKeysTests(MariaDbServer mariaDb)
{
    [Fact]
    public async Task SessionAndFormFromOneInstanceAreAcceptedByAnother()
    {
        using var first = RecordsApp.OnMariaDb(mariaDb);
        await first.AddUserAsync("registrar@example.org", StaffRoles.Registrar);
        using var second = RecordsApp.OnMariaDb(mariaDb, first.DatabaseName);
        var cookies = new CookieContainer(); // one browser, whichever task the load balancer picks
        var toFirst = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        var toSecond = second.CreateDefaultClient(new CookieContainerHandler(cookies));

        Assert.Equal(HttpStatusCode.Redirect, (await RecordsApp.SignInAsync(toFirst, "registrar@example.org", RecordsApp.Password)).StatusCode);
        var form = await toFirst.GetStringAsync("/Students/Create");
        var post = new Dictionary<string, string>(Forms.Student()) { ["__RequestVerificationToken"] = Forms.TokenIn(form) };
        var response = await toSecond.PostAsync("/Students/Create", new FormUrlEncodedContent(post));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Students/Details/", response.Headers.Location!.ToString());
        // In one test process both instances could also share a key file under $HOME; ECS tasks cannot.
        // The key ring must therefore live in the shared database.
        using var scope = second.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<RecordsDbContext>().DataProtectionKeys);
    }
}
