using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Students;
using StudentRecords.App.Students.Search;

namespace StudentRecords.App.Tests;

/// <summary>
/// A search in name order read from each term's students in the (Term, FullName, StudentId) index, merged
/// (NameOrderedSearch). Expected pages are worked out here from the seeded names, never from the app.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed partial class NameOrderedSearchTests(MariaDbServer mariaDb)
{
    /// <summary>
    /// Names whose first letters put them out of id order; surnames that "smith" starts (three terms), one
    /// that it does not, two students of the same name (a tie, broken by the id), one with "smith" twice
    /// (name and course: listed once), and addresses starting "smith." (found by their word, not their address).
    /// </summary>
    private static List<Student> People() =>
    [
        .. Enumerable.Range(1, 75).Select(i => new Student
        {
            FullName = $"{(char)('A' + (i * 11 % 26))}{i:D2} {(i % 4) switch { 0 => "Smith", 1 => "Smithers", 2 => "Smithson", _ => "Jones" }}",
            Email = i % 5 == 0 ? $"smith.{i}@example.org" : $"p{i}@example.org",
            Age = 20,
            Course = i == 8 ? "Smithsonian Studies" : "History",
            EnrolmentDate = new DateOnly(2024, 9, 1),
        }),
        new() { FullName = "Tie Smith", Email = "tie1@example.org", Age = 20, Course = "Law", EnrolmentDate = new DateOnly(2024, 9, 1) },
        new() { FullName = "Tie Smith", Email = "tie2@example.org", Age = 20, Course = "Law", EnrolmentDate = new DateOnly(2024, 9, 1) },
    ];

    private static async Task<List<Student>> SeedAsync(RecordsApp app, List<Student> students)
    {
        _ = app.Server; // migrates
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        db.Students.AddRange(students);
        await db.SaveChangesAsync();
        return [.. db.Students.AsNoTracking()];
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();

    private static bool HasWordsStarting(Student s, params string[] typed) =>
        typed.All(t => NonWord().Split($"{s.FullName} {s.Email} {s.Course}").Any(w => w.StartsWith(t, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Every page by Next links, then back by Previous links to page 1; the ids of each page.</summary>
    private static async Task<List<int>> WalkAsync(HttpClient client, string url)
    {
        var pages = new List<List<int>>();
        var page = await client.GetStringAsync(url);
        pages.Add(ListCursorTests.IdsOn(page));
        while (ListCursorTests.LinkOn(page, "Next") is { } next)
        {
            page = await client.GetStringAsync(next);
            pages.Add(ListCursorTests.IdsOn(page));
        }
        for (var back = pages.Count - 2; back >= 0; back--)
        {
            page = await client.GetStringAsync(ListCursorTests.LinkOn(page, "Previous")!);
            Assert.Equal(pages[back], ListCursorTests.IdsOn(page));
        }
        return [.. pages.SelectMany(p => p)];
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AWordStartingSeveralTermsPagesInNameOrderBothWaysEachStudentOnce(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var stored = await SeedAsync(app, People());
        var client = await app.SignedInClientAsync();

        foreach (var typed in new[] { "smith", "smiths", "smith a", "tie smith" })
            foreach (var descending in new[] { false, true })
            {
                var words = typed.Split(' ');
                var expected = ListPagingTests.Sorted([.. stored.Where(s => HasWordsStarting(s, words))], StudentSort.Name, descending);
                Assert.True(expected.Count > 0, typed);
                var found = await WalkAsync(client, $"/Students?q={Uri.EscapeDataString(typed)}&desc={descending.ToString().ToLowerInvariant()}");
                Assert.Equal(expected, found);
            }
        // The start of an address still finds it, and only it: "smith.5@" is not "smith.55@".
        Assert.Equal(["smith.5@example.org"], (await SearchAsync(app, "smith.5@")).Items.Select(s => s.Email));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AWordStartingTooManyTermsToMergeIsReadTheGeneralWayInTheSameOrder(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var terms = NameOrderedSearch.MaxTermsMerged + 3;
        var stored = await SeedAsync(app, [.. Enumerable.Range(1, terms * 2).Select(i => new Student
        {
            FullName = $"{(char)('A' + (i * 7 % 26))}{i:D2} Kay{i % terms:D2}x", // "kay" starts MaxTermsMerged + 3 terms
            Email = $"k{i}@example.org",
            Age = 20,
            Course = "Law",
            EnrolmentDate = new DateOnly(2024, 9, 1),
        })]);
        var client = await app.SignedInClientAsync();
        foreach (var descending in new[] { false, true })
            Assert.Equal(ListPagingTests.Sorted(stored, StudentSort.Name, descending),
                await WalkAsync(client, $"/Students?q=kay&desc={descending.ToString().ToLowerInvariant()}"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task ARenamedStudentMovesToItsNewPlaceInASearchsNameOrder(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var stored = await SeedAsync(app, People());
        var client = await app.SignedInClientAsync();
        var renamed = stored.Where(s => s.FullName.EndsWith(" Smith", StringComparison.Ordinal)).MaxBy(s => s.FullName)!;
        var version = await Forms.VersionShownAsync(client, renamed.Id);
        await Forms.PostAsync(client, $"/Students/Edit/{renamed.Id}", Forms.Student("A Smith", renamed.Email, age: "20", course: renamed.Course, version: version));
        renamed.FullName = "A Smith";

        Assert.Equal(renamed.Id, (await SearchAsync(app, "smith")).Items[0].Id); // first now, though it was last
        foreach (var descending in new[] { false, true })
            Assert.Equal(ListPagingTests.Sorted([.. stored.Where(s => HasWordsStarting(s, "smith"))], StudentSort.Name, descending),
                await WalkAsync(client, $"/Students?q=smith&desc={descending.ToString().ToLowerInvariant()}"));
        using var scope = app.Services.CreateScope();
        var names = await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().StudentSearchTerms
            .Where(t => t.StudentId == renamed.Id).Select(t => t.FullName).Distinct().ToListAsync();
        Assert.Equal(["A Smith"], names); // every term kept has the new name, not only the new terms
    }

    [Fact]
    public async Task PageOneOfACommonSurnameByNameReadsAPageOfEachTermNotEveryMatch()
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        _ = app.Server; // migrates
        // 10,000 students, half of them Smiths named after everyone else (the list walks 5,000 rows before the
        // first), each with an address "smith.N@…" as the benchmark's: 5,000 address terms starting "smith".
        mariaDb.Execute(app.DatabaseName!, """
            INSERT INTO students (FullName, Email, Age, Course, EnrolmentDate, Version)
            SELECT IF(seq % 2, CONCAT('Zed', seq, ' Smith'), CONCAT('Ann', seq, ' Jones')), CONCAT(IF(seq % 2, 'smith.', 'jones.'), seq, '@example.org'),
                   20, 'History', DATE('2020-01-01'), UUID()
            FROM seq_1_to_10000;
            ANALYZE TABLE students;
            """);
        using (var scope = app.Services.CreateScope()) await SearchTermBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<RecordsDbContext>());
        mariaDb.Execute(app.DatabaseName!, "ANALYZE TABLE student_search_terms;");
        var client = await app.SignedInClientAsync();

        foreach (var desc in new[] { "false", "true" })
        {
            var url = $"/Students?q=smith&desc={desc}";
            await client.GetStringAsync(url); // once before: the session checked, the queries prepared
            var read = await mariaDb.RowsReadByAsync(() => client.GetStringAsync(url));
            // The count reads up to CountCap + 1 entries, and its DISTINCT writes and reads each once more; the
            // page, a few dozen. Gathering the matches to sort them read 34,414; finding the terms by SELECT
            // DISTINCT instead of seeks, 8,254.
            Assert.True(read < 3 * (StudentQuery.CountCap + 1) + 300, $"{url} read {read} rows");
        }
    }

    private static async Task<StudentPage> SearchAsync(RecordsApp app, string typed, bool descending = false)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        return await new StudentQuery(typed, StudentSort.Name, descending, 1).RunAsync(db, scope.ServiceProvider.GetRequiredService<StudentTotal>(), CancellationToken.None);
    }
}
