using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Students;
using StudentRecords.App.Students.Search;

namespace StudentRecords.App.Tests;

/// <summary>
/// Word-prefix search through student_search_terms, on both databases with the same data. Expected results
/// are worked out from the seeded students here, never copied from what the app answered.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed partial class SearchTests(MariaDbServer mariaDb)
{
    private sealed record Seeded(string Name, string Email, string Course);

    private static readonly Seeded[] People =
    [
        new("Ross Geller", "ross.geller@example.org", "Palaeontology"),
        new("Rossella Conti", "rconti@example.org", "Mathematics"),
        new("Matt Ross", "matt@uni.example", "History"),
        new("Ann Li", "ann@example.org", "Mathematics"),
        new("Anna Wu", "anna@example.org", "Law"),
        new("Zoë O'Brien-Núñez", "zoe@example.org", "Physics"),
        new("Łukasz Żółć", "lukasz@example.org", "Computing"),
        new("王小明", "wang@example.org", "Chinese Literature"),
        new("Jürgen Straße", "jurgen@example.org", "Algebra 100%"),
    ];

    private static async Task<Dictionary<string, int>> SeedAsync(RecordsApp app, IEnumerable<Seeded> people)
    {
        _ = app.Server; // starts the app, which migrates
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        var students = people.Select((p, i) => new Student
        {
            FullName = p.Name,
            Email = p.Email,
            Age = 18 + (i % 50),
            Course = p.Course,
            EnrolmentDate = new DateOnly(2024, 9, 1).AddDays(i),
        }).ToList();
        db.Students.AddRange(students);
        await db.SaveChangesAsync(); // the app's own path: the terms come with the students
        return students.ToDictionary(s => s.FullName, s => s.Id);
    }

    private static async Task<StudentPage> SearchAsync(RecordsApp app, string typed, StudentSort sort = StudentSort.Name, bool descending = false, int page = 1)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        return await new StudentQuery(typed, sort, descending, page).RunAsync(db, scope.ServiceProvider.GetRequiredService<StudentTotal>(), CancellationToken.None);
    }

    private static async Task<List<string>> NamesFoundAsync(RecordsApp app, string typed) =>
        [.. (await SearchAsync(app, typed)).Items.Select(s => s.FullName).Order(StringComparer.Ordinal)];

    /// <summary>The seeded names one of whose name, e-mail or course words starts with every typed word (ASCII data only).</summary>
    private static List<string> WordsStartingWith(params string[] typed) =>
        [.. People.Where(p => typed.All(t => AsciiWords(p).Any(w => w.StartsWith(t, StringComparison.OrdinalIgnoreCase)))).Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> AsciiWords(Seeded p) => NonWord().Split($"{p.Name} {p.Email} {p.Course}").Where(w => w.Length > 0);

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task EachTypedWordMustStartAWordOfTheNameEmailOrCourse(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, People);

        Assert.Equal(WordsStartingWith("ross"), await NamesFoundAsync(app, "ross"));
        Assert.Equal(3, WordsStartingWith("ross").Count); // Ross, Rossella, Matt Ross: the data does what the test means
        Assert.Equal(WordsStartingWith("mat"), await NamesFoundAsync(app, "mat"));
        Assert.Equal(WordsStartingWith("ross", "mat"), await NamesFoundAsync(app, "Ross MAT"));
        Assert.Equal(WordsStartingWith("uni"), await NamesFoundAsync(app, "uni"));
        Assert.Equal(WordsStartingWith("li"), await NamesFoundAsync(app, "li")); // two-letter surnames count
        Assert.Equal(WordsStartingWith("wu"), await NamesFoundAsync(app, "wu"));
        Assert.Empty(await NamesFoundAsync(app, "oss")); // a prefix, not any substring
        Assert.Empty(await NamesFoundAsync(app, "ross history law"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task NamesInAnyScriptAreFoundWithOrWithoutTheirAccents(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, People);

        foreach (var typed in new[] { "zoe", "zoë", "ZOË", "nunez", "núñez", "o'brien", "brien" })
            Assert.Equal(["Zoë O'Brien-Núñez"], await NamesFoundAsync(app, typed));
        foreach (var typed in new[] { "lukasz", "łukasz", "Łukasz", "zolc", "żółć" }) // Ł does not decompose: folded by hand
            Assert.Equal(["Łukasz Żółć"], await NamesFoundAsync(app, typed));
        foreach (var typed in new[] { "王", "王小", "王小明" })
            Assert.Equal(["王小明"], await NamesFoundAsync(app, typed));
        foreach (var typed in new[] { "strasse", "straße", "jurgen", "jürgen" })
            Assert.Equal(["Jürgen Straße"], await NamesFoundAsync(app, typed));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AnAddressOrItsStartFindsItsOwnStudentOnly(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, People);

        // "ann" alone starts Ann and Anna (and no one else): the address narrows it to one.
        Assert.Equal(["Ann Li", "Anna Wu"], await NamesFoundAsync(app, "ann"));
        foreach (var typed in new[] { "ann@example.org", "ANN@Example.ORG", "ann@", "ann@example", "<ann@example.org>," })
            Assert.Equal(["Ann Li"], await NamesFoundAsync(app, typed));
        Assert.Empty(await NamesFoundAsync(app, "ann@example.com"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AWholeAddressFindsItsStudentThroughTheAddressItselfNotTheTerms(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var ids = await SeedAsync(app, [.. People, new("Ann Other", "ann@example.org.uk", "Law")]);
        using (var scope = app.Services.CreateScope())
        {
            // Ann Li's terms gone (as before the backfill reaches a student): only her stored address can find her.
            var annLi = ids["Ann Li"];
            await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().StudentSearchTerms.Where(t => t.StudentId == annLi).ExecuteDeleteAsync();
        }

        foreach (var typed in new[] { "ann@example.org", " ANN@Example.ORG ", "<ann@example.org>," })
        {
            var page = await SearchAsync(app, typed);
            Assert.Equal(["Ann Li"], page.Items.Select(s => s.FullName)); // the address is hers alone, though another's starts with it
            Assert.Equal(1, page.Total);
        }
        Assert.Equal(["Ann Other"], await NamesFoundAsync(app, "ann@example.org.u")); // no one's whole address: its start, through the terms
        Assert.Equal(["Ann Other"], await NamesFoundAsync(app, "ann@")); // Ann Li has no terms left
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task WildcardsAndOperatorsAreTypedTextNotPatterns(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, People);

        foreach (var typed in new[] { "_oss", "%oss", "\\oss", "*oss", "\"oss\"", "r_ss", "r%" + "s" })
            Assert.DoesNotContain("Ross Geller", await NamesFoundAsync(app, typed)); // as a pattern each would match Ross
        Assert.Equal(WordsStartingWith("ross"), await NamesFoundAsync(app, "ross%"));
        Assert.Equal(WordsStartingWith("ross"), await NamesFoundAsync(app, "\"ross*\""));
        Assert.Equal(["Jürgen Straße"], await NamesFoundAsync(app, "100%"));
        Assert.Empty(await NamesFoundAsync(app, "ross' OR 1=1 --")); // "1" starts no word of any Ross: AND, not OR
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AnEmptyOrPunctuationOnlySearchListsEveryoneAndNoInputFails(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, People);
        var client = await app.SignedInClientAsync();

        foreach (var typed in new[] { "", "   ", "%", "%%_\\*\"", "--", "' ; --" })
        {
            var page = await SearchAsync(app, typed);
            Assert.Equal(People.Length, page.Total);
            Assert.False(page.TotalIsCapped);
        }
        var absurd = string.Concat(Enumerable.Repeat("ross ", 20_000)) + new string('x', 100_000);
        Assert.Equal(WordsStartingWith("ross"), await NamesFoundAsync(app, absurd));
        var longUrl = await client.GetAsync($"/Students?q={Uri.EscapeDataString(string.Concat(Enumerable.Range(0, 300).Select(i => $"w{i} ")))}");
        Assert.Equal(HttpStatusCode.OK, longUrl.StatusCode);
        Assert.Contains("No student matches", await longUrl.Content.ReadAsStringAsync()); // 8 words at most, and no one has w0…w7
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Students?q=%F0%9F%98%80%ED%A0%80")).StatusCode); // an emoji and a broken pair
    }

    [Fact]
    public void ATypedQueryIsCutToItsFirstWordsAndLongestFirst()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}")));
        Assert.Equal(SearchQuery.MaxWords, query.Prefixes.Count);
        Assert.Equal(["anne", "li"], SearchQuery.Parse("ann li anne").Prefixes); // "ann" adds nothing beside "anne"
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task ASearchPagesThroughItsMatchesInEveryOrder(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var people = Enumerable.Range(1, 60).Select(i => new Seeded(
            $"{(i % 3 == 0 ? "Kim" : "Ross")} Person{(char)('A' + (i * 7 % 26))}{i:D2}", $"p{i}@example.org", i % 2 == 0 ? "History" : "Physics")).ToList();
        await SeedAsync(app, people);
        using var scope = app.Services.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.AsNoTracking().ToList();
        var rossOnly = stored.Where(s => s.FullName.StartsWith("Ross ", StringComparison.Ordinal)).ToList();
        Assert.InRange(rossOnly.Count, StudentQuery.PageSize + 1, StudentQuery.PageSize * 3); // more than one page

        foreach (var sort in Enum.GetValues<StudentSort>())
            foreach (var descending in new[] { false, true })
            {
                var paged = await AllPagesAsync(app, "ross", sort, descending);
                Assert.Equal(ListPagingTests.Sorted(rossOnly, sort, descending), paged);
                Assert.Equal(rossOnly.Count, (await SearchAsync(app, "ross", sort, descending)).Total);

                var history = await AllPagesAsync(app, "hist", sort, descending);
                Assert.Equal(ListPagingTests.Sorted([.. stored.Where(s => s.Course == "History")], sort, descending), history);
            }
    }

    private static async Task<List<int>> AllPagesAsync(RecordsApp app, string typed, StudentSort sort, bool descending)
    {
        var ids = new List<int>();
        for (var p = 1; ; p++)
        {
            var page = await SearchAsync(app, typed, sort, descending, p);
            ids.AddRange(page.Items.Select(s => s.Id));
            if (!page.HasNext) return ids;
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AnEditReindexesTheStudentAndADeleteRemovesItsTerms(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var client = await app.SignedInClientAsync();
        var id = await Forms.CreateAsync(client, Forms.Student("Ada Lovelace", "ada@example.org", course: "Mathematics"));
        Assert.Equal(["Ada Lovelace"], await NamesFoundAsync(app, "lovelace"));

        var version = await Forms.VersionShownAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, $"/Students/Edit/{id}",
            Forms.Student("Ada King", "countess@example.org", course: "Analytical Engines", version: version))).StatusCode);

        foreach (var gone in new[] { "lovelace", "ada@", "mathematics" })
            Assert.Empty(await NamesFoundAsync(app, gone));
        foreach (var found in new[] { "king", "ada", "countess@example.org", "analytical engines" })
            Assert.Equal(["Ada King"], await NamesFoundAsync(app, found));
        Assert.Equal(TermsOf(id, "Ada King", "countess@example.org", "Analytical Engines"), await StoredTermsAsync(app, id));

        version = await Forms.VersionShownAsync(client, id); // an edit of the age alone leaves the terms as they are
        await Forms.PostAsync(client, $"/Students/Edit/{id}", Forms.Student("Ada King", "countess@example.org", age: "40", course: "Analytical Engines", version: version));
        Assert.Equal(TermsOf(id, "Ada King", "countess@example.org", "Analytical Engines"), await StoredTermsAsync(app, id));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, $"/Students/Delete/{id}", new Dictionary<string, string>())).StatusCode);
        Assert.Empty(await StoredTermsAsync(app, id));
        Assert.Empty(await NamesFoundAsync(app, "king"));
    }

    private static List<string> TermsOf(int id, string name, string email, string course) =>
        [.. StudentSearchTerms.For(id, name, email, course).Select(t => t.Term).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> StoredTermsAsync(RecordsApp app, int id)
    {
        using var scope = app.Services.CreateScope();
        var terms = await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().StudentSearchTerms.Where(t => t.StudentId == id).Select(t => t.Term).ToListAsync();
        return [.. terms.Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task StudentsStoredWithoutTermsAreIndexedAtStartInBatches(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        _ = app.Server;
        var count = SearchTermBackfill.BatchSize * 2 + 7; // three batches, the last one short
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        // As the students were before search existed (or a bulk load wrote them): rows without terms.
        foreach (var chunk in Enumerable.Range(1, count).Chunk(500))
            await db.Database.ExecuteSqlRawAsync("INSERT INTO students (FullName, Email, Age, Course, EnrolmentDate, Version) VALUES " +
                string.Join(", ", chunk.Select(i => $"('Núñez {(i % 10 == 0 ? "Li" : "Kowalski")} {i}', 'old{i}@example.org', 20, 'History', '2020-01-01', '{Guid.NewGuid()}')")));
        Assert.Equal(0, await db.StudentSearchTerms.CountAsync());

        await DatabaseMigrator.MigrateAsync(db); // what every start runs
        Assert.Equal(0, await SearchTermBackfill.RunAsync(db)); // and a second start finds nothing left

        var students = await db.Students.AsNoTracking().ToListAsync();
        var expected = students.SelectMany(s => StudentSearchTerms.For(s.Id, s.FullName, s.Email, s.Course)).Select(t => (t.Term, t.StudentId)).ToHashSet();
        var stored = (await db.StudentSearchTerms.AsNoTracking().ToListAsync()).Select(t => (t.Term, t.StudentId)).ToHashSet();
        Assert.Equal(expected.Count, stored.Count);
        Assert.True(expected.SetEquals(stored));
        Assert.Equal(students.Count(s => s.FullName.Contains(" Li ", StringComparison.Ordinal)), (await SearchAsync(app, "nunez li")).Total);
        Assert.Equal(["Núñez Kowalski 1"], (await SearchAsync(app, "old1@example.org")).Items.Select(s => s.FullName));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task PastTheCapASearchSaysMoreThanAndStillPages(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        var people = Enumerable.Range(1, StudentQuery.CountCap + 5).Select(i => new Seeded($"Common Name{i:D4}", $"c{i}@example.org", i == 7 ? "Rare Topic" : "History")).ToList();
        await SeedAsync(app, people);
        var client = await app.SignedInClientAsync();

        var common = await client.GetStringAsync("/Students?q=hist");
        Assert.Contains($"more than {StudentQuery.CountCap:N0} students matching “hist”", common);
        Assert.Contains("Page 1<", common); // no "of N": the number of pages is not known
        Assert.Contains("p=2", common);
        var page = await SearchAsync(app, "hist", page: 3);
        Assert.Equal(StudentQuery.PageSize, page.Items.Count);
        Assert.True(page.TotalIsCapped);
        Assert.Contains("1 student(s) matching “common rare”", await client.GetStringAsync("/Students?q=common+rare"));

        var last = await SearchAsync(app, "hist", page: 9999); // past the end: the last real page
        Assert.Equal((people.Count - 1 + StudentQuery.PageSize - 1) / StudentQuery.PageSize, last.Page);
    }
}
