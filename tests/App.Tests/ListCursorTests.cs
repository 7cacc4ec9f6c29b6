using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Tests;

/// <summary>Next and Previous carry the boundary row's sort value and id (a keyset), not a page number.</summary>
[Collection(MariaDbCollection.Name)]
public sealed partial class ListCursorTests(MariaDbServer mariaDb)
{
    [GeneratedRegex("<a class=\"page-link\" href=\"([^\"#]+)\">(Next|Previous)</a>")]
    private static partial Regex PageLink();

    [GeneratedRegex("/Students/Details/(\\d+)")]
    private static partial Regex DetailsLink();

    internal static string? LinkOn(string page, string label) =>
        PageLink().Matches(page).Where(m => m.Groups[2].Value == label).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).SingleOrDefault();

    internal static List<int> IdsOn(string page) => [.. DetailsLink().Matches(page).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task NextThenPreviousWalkEveryOrderBothWaysInExactlyTheSortedOrder(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await ListPagingTests.SeedAsync(app, 45); // two courses: long runs of ties, broken by the id
        var client = await app.SignedInClientAsync();
        List<Student> students;
        using (var scope = app.Services.CreateScope()) students = await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.ToListAsync();

        foreach (var search in new[] { "", "physics" }) // the list, and a search's matches (23 of 45)
            foreach (var sort in Enum.GetValues<StudentSort>())
                foreach (var descending in new[] { false, true })
                {
                    var expected = ListPagingTests.Sorted([.. students.Where(s => search == "" || s.Course == "Physics")], sort, descending);
                    var pages = new List<List<int>>();
                    var url = $"/Students?q={search}&sort={sort}&desc={descending.ToString().ToLowerInvariant()}";
                    string page;
                    while (true)
                    {
                        page = await client.GetStringAsync(url);
                        pages.Add(IdsOn(page));
                        if (LinkOn(page, "Next") is not { } next) break;
                        Assert.Contains("afterId=", next);
                        url = next;
                    }
                    Assert.Equal(expected, pages.SelectMany(p => p));
                    Assert.Equal(expected.Chunk(StudentQuery.PageSize).Select(c => c.Length), pages.Select(p => p.Count));
                    Assert.Contains($"Page {pages.Count} of {pages.Count}", page);

                    for (var back = pages.Count - 2; back >= 0; back--)
                    {
                        url = LinkOn(page, "Previous") ?? throw new InvalidOperationException($"no Previous link on page {back + 2} of {sort}");
                        page = await client.GetStringAsync(url);
                        Assert.Equal(pages[back], IdsOn(page));
                        Assert.Contains($"Page {back + 1} of {pages.Count}", page);
                    }
                    Assert.Null(LinkOn(page, "Previous")); // back on page 1, linked as itself
                }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task ANextLinkKeepsItsPlaceWhenTheRowsBeforeItChange(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await ListPagingTests.SeedAsync(app, 45);
        var client = await app.SignedInClientAsync();
        var first = await client.GetStringAsync("/Students?sort=Enrolled");
        var second = IdsOn(await client.GetStringAsync("/Students?sort=Enrolled&p=2"));
        var next = LinkOn(first, "Next")!;

        // The page's last row goes and an earlier one comes: a page number would now repeat or skip a row.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
            var shown = IdsOn(first);
            var (firstShown, lastShown) = (shown[0], shown[^1]);
            await db.Students.Where(s => s.Id == firstShown || s.Id == lastShown).ExecuteDeleteAsync();
            db.Students.Add(new Student { FullName = "Early Bird", Email = "early@example.org", Age = 30, Course = "History", EnrolmentDate = new DateOnly(2019, 1, 1) });
            await db.SaveChangesAsync();
        }

        Assert.Equal(second, IdsOn(await client.GetStringAsync(next)));
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Course")] // two courses: page 81 lies among 1,000 students tied on theirs
    public async Task ANextLinkFromDeepInTheListReadsAPageOfRowsWhereItsPageNumberReadsEveryRowBefore(string sort)
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        await ListPagingTests.SeedAsync(app, 2000);
        var client = await app.SignedInClientAsync();
        var next = LinkOn(await client.GetStringAsync($"/Students?sort={sort}&p=80"), "Next")!;
        await client.GetStringAsync(next); // once, so that what is measured below is the page alone

        var byNumber = await mariaDb.RowsReadByAsync(() => client.GetStringAsync($"/Students?sort={sort}&p=81"));
        var byCursor = await mariaDb.RowsReadByAsync(() => client.GetStringAsync(next));

        Assert.Equal(IdsOn(await client.GetStringAsync($"/Students?sort={sort}&p=81")), IdsOn(await client.GetStringAsync(next)));
        Assert.True(byNumber > 1600, $"page 81 by number read {byNumber} rows"); // the 1,600 rows of pages 1 to 80, at least
        Assert.True(byCursor < 200, $"page 81 by its Next link read {byCursor} rows");
    }

    [Theory]
    [InlineData("?sort=Age&after=old&afterId=3&p=2", 1)] // not an age: page 2 by its number
    [InlineData("?after=Student&afterId=abc&p=2", 20)] // not an id: every value falls back to page 1
    [InlineData("?after=Zzz&afterId=999&p=2", 1)] // nothing after it any more: page 2 by its number
    [InlineData("?before=Student&beforeId=1&p=2", 20)] // nothing before it: page 1
    public async Task AnUnreadableOrStaleCursorFallsBackToThePageNumber(string query, int rows)
    {
        using var app = RecordsApp.OnSqlite();
        await ListPagingTests.SeedAsync(app, 21);

        var response = await (await app.SignedInClientAsync()).GetAsync($"/Students{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rows, IdsOn(await response.Content.ReadAsStringAsync()).Count);
    }
}
