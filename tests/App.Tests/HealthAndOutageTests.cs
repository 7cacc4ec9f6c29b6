using System.Net;

namespace StudentRecords.App.Tests;

[Collection(MariaDbCollection.Name)]
public sealed class HealthAndOutageTests(MariaDbServer mariaDb)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("mariadb")]
    public async Task LiveAndReadyAnswerWhenTheDatabaseIsUp(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AppContract.LivenessPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AppContract.ReadinessPath)).StatusCode);
    }

    [Fact]
    public async Task PagesSay503AndReadinessFailsWhileTheDatabaseIsDownThenRecoverWithoutRestart()
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        var client = await app.SignedInClientAsync();
        await Forms.CreateAsync(client, Forms.Student());

        mariaDb.Stop();
        HttpResponseMessage page, ready, live;
        try
        {
            page = await client.GetAsync("/Students");
            ready = await client.GetAsync(AppContract.ReadinessPath);
            live = await client.GetAsync(AppContract.LivenessPath);
        }
        finally
        {
            mariaDb.Start();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("temporarily unavailable", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Exception", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode); // the process is fine; only readiness depends on the database

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AppContract.ReadinessPath)).StatusCode);
        Assert.Contains("1 student(s)", await client.GetStringAsync("/Students"));
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeadersAndProxiedHttpIsSentToHttps()
    {
        using var app = RecordsApp.OnSqlite();
        var client = await app.SignedInClientAsync();

        var page = await client.GetAsync("/Students");
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/Students");
        proxied.Headers.Add("X-Forwarded-Proto", "http");
        var redirect = await client.SendAsync(proxied);

        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("https", redirect.Headers.Location!.Scheme);
    }
}
