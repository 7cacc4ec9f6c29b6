using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using Xunit.Abstractions;

namespace StudentRecords.App.Tests;

/// <summary>
/// MariaDB killed three times while 32 staff save students and read the list: every request that fails
/// fails as the friendly 503, never a 500, and every save the app acknowledged is in the database after.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class OutageUnderLoadTests(MariaDbServer mariaDb, ITestOutputHelper output)
{
    [Fact]
    public async Task KillingTheDatabaseMidRequestAnswers503AndLosesNoAcknowledgedWrite()
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        var client = await app.SignedInClientAsync();
        var token = Forms.TokenIn(await client.GetStringAsync("/Students/Create"));
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var counter = 0;

        async Task WriterAsync(int writer)
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref counter);
                var email = $"w{writer}-{n}@example.org";
                var fields = new Dictionary<string, string>(Forms.Student("Load Writer", email)) { ["__RequestVerificationToken"] = token };
                var response = n % 4 == 0 ? await client.GetAsync("/Students") : await client.PostAsync("/Students/Create", new FormUrlEncodedContent(fields));
                statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
                if (response.StatusCode == HttpStatusCode.Redirect) acknowledged.Add(email);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) Assert.Contains("temporarily unavailable", await response.Content.ReadAsStringAsync());
                if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.OK) await Task.Delay(50);
            }
        }

        var writers = Enumerable.Range(0, 32).Select(writer => Task.Run(() => WriterAsync(writer))).ToArray();
        try
        {
            for (var outage = 0; outage < 3; outage++) // bounded: three outages, then the writers stop
            {
                await Task.Delay(1500);
                mariaDb.Stop();
                await Task.Delay(700);
                mariaDb.Start();
            }
            await Task.Delay(1500);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) > 0, "no request met the outage");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.ServiceUnavailable], statuses.Keys.Order());
        using var scope = app.Services.CreateScope();
        var stored = (await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.Select(s => s.Email).ToListAsync()).ToHashSet();
        var lost = acknowledged.Where(email => !stored.Contains(email)).ToList();
        Assert.True(lost.Count == 0, $"acknowledged but not stored: {string.Join(", ", lost)}");
    }
}
