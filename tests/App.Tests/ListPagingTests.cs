using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Students;

namespace StudentRecords.App.Tests;

/// <summary>Pagination edges and sorting, with rows written straight to the database.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class ListPagingTests(MariaDbServer mariaDb)
{
    internal static async Task SeedAsync(RecordsApp app, int count)
    {
        _ = app.Server; // starts the app, which migrates
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        db.Students.AddRange(Enumerable.Range(1, count).Select(i => new Student
        {
            FullName = $"Student {(char)('A' + (i % 26))}{i:D3}",
            Email = $"s{i}@example.org",
            Age = 16 + (i % 80),
            Course = i % 2 == 0 ? "History" : "Physics",
            EnrolmentDate = new DateOnly(2020, 1, 1).AddDays(i),
        }));
        await db.SaveChangesAsync();
    }

    private static int RowsOn(string page) => page.Split("/Students/Details/").Length - 1;

    [Theory]
    [InlineData("sqlite", 0, "", 0, false)]
    [InlineData("sqlite", 20, "", 20, false)]
    [InlineData("sqlite", 21, "", 20, true)]
    [InlineData("sqlite", 21, "?p=2", 1, true)]
    [InlineData("sqlite", 21, "?p=0", 20, true)]
    [InlineData("sqlite", 21, "?p=999", 1, true)]
    [InlineData("sqlite", 21, "?p=abc", 20, true)]
    [InlineData("mariadb", 45, "?p=3", 5, true)]
    public async Task PagesHoldTwentyAndOutOfRangePagesShowTheNearestOne(string provider, int students, string query, int rows, bool paged)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, students);

        var page = await (await app.SignedInClientAsync()).GetStringAsync($"/Students{query}");

        Assert.Equal(rows, RowsOn(page));
        Assert.Equal(paged, page.Contains("aria-label=\"Pages\""));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mariadb")]
    public async Task SortingByAgeDescendingPutsTheOldestFirstAndPagesNeverRepeatARecord(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, 45);
        var client = await app.SignedInClientAsync();

        var first = await client.GetStringAsync("/Students?sort=Age&desc=true");
        var all = new List<string>();
        for (var p = 1; p <= 3; p++)
            all.AddRange(System.Text.RegularExpressions.Regex.Matches(await client.GetStringAsync($"/Students?sort=Age&desc=true&p={p}"), "/Students/Details/(\\d+)").Select(m => m.Groups[1].Value).Distinct());

        Assert.Contains("Age ↓", first);
        Assert.Equal(45, all.Count);
        Assert.Equal(45, all.Distinct().Count());
        Assert.Equal(StudentQuery.PageSize, RowsOn(first));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mariadb")]
    public async Task EveryOrderPagesThroughAllStudentsInExactlyTheSortedOrder(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await SeedAsync(app, 45);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        var total = scope.ServiceProvider.GetRequiredService<StudentTotal>();
        var students = db.Students.AsEnumerable().ToList();

        foreach (var sort in Enum.GetValues<StudentSort>())
            foreach (var descending in new[] { false, true })
            {
                var paged = new List<int>();
                for (var p = 1; p <= 3; p++)
                    paged.AddRange((await new StudentQuery(null, sort, descending, p).RunAsync(db, total, CancellationToken.None)).Items.Select(s => s.Id));

                Assert.Equal(Sorted(students, sort, descending), paged);
            }
    }

    [Fact]
    public async Task EveryOrdersFirstPageIsReadFromItsColumnsIndexNotSortedFromEveryRow()
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        _ = app.Server; // migrates
        // 10,000 rows by MariaDB's sequence engine: on fewer (2,000), MariaDB rightly finds sorting them all cheaper.
        mariaDb.Execute(app.DatabaseName!, """
            INSERT INTO students (FullName, Email, Age, Course, EnrolmentDate, Version)
            SELECT CONCAT('Student ', seq), CONCAT('s', seq, '@example.org'), 16 + seq % 60, IF(seq % 2, 'Physics', 'History'),
                   DATE('2020-01-01') + INTERVAL seq % 1500 DAY, UUID()
            FROM seq_1_to_10000;
            ANALYZE TABLE students;
            """);
        var client = await app.SignedInClientAsync();

        foreach (var sort in Enum.GetValues<StudentSort>())
            foreach (var descending in new[] { false, true })
            {
                var url = $"/Students?sort={sort}&desc={descending.ToString().ToLowerInvariant()}";
                await client.GetStringAsync(url); // once before, so the count is kept and the session checked
                var read = await mariaDb.RowsReadByAsync(() => client.GetStringAsync(url));
                Assert.True(read < 200, $"{url} read {read} rows of 10,000"); // sorted by e-mail and id: all 10,000, once
            }
    }

    // The order the list promises, worked out here: the column, then the id, both in the chosen direction.
    // Ordinal text order: the seeded names and emails sort alike under SQLite's and MariaDB's collations.
    internal static List<int> Sorted(List<Student> students, StudentSort sort, bool descending)
    {
        Func<Student, string> column = sort switch
        {
            StudentSort.Email => s => s.Email,
            StudentSort.Age => s => s.Age.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            StudentSort.Course => s => s.Course,
            StudentSort.Enrolled => s => s.EnrolmentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => s => s.FullName,
        };
        var ordered = descending
            ? students.OrderByDescending(column, StringComparer.Ordinal).ThenByDescending(s => s.Id)
            : students.OrderBy(column, StringComparer.Ordinal).ThenBy(s => s.Id);
        return [.. ordered.Select(s => s.Id)];
    }

    [Fact]
    public async Task AnotherTasksNewStudentCanBePagedToWhileThisTasksCountLagsBehind()
    {
        using var first = RecordsApp.OnMariaDb(mariaDb);
        await SeedAsync(first, 20);
        using var second = RecordsApp.OnMariaDb(mariaDb, first.DatabaseName);
        var client = await first.SignedInClientAsync();
        Assert.DoesNotContain("aria-label=\"Pages\"", await client.GetStringAsync("/Students")); // 20: one page, and the count is kept

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Forms.PostAsync(await second.SignedInClientAsync(), "/Students/Create", Forms.Student(name: "Zed Last", email: "zed@example.org"))).StatusCode);

        var pageOne = await client.GetStringAsync("/Students");
        Assert.Contains("20 student(s)", pageOne); // the kept count, at most StudentTotal.MaxAge old
        Assert.Contains("Page 1 of 2", pageOne); // but the next page is read from the database
        Assert.Contains("Zed Last", await client.GetStringAsync("/Students?p=2"));

        await Forms.CreateAsync(client, Forms.Student(name: "Yan Own", email: "yan@example.org"));
        Assert.Contains("22 student(s)", await client.GetStringAsync("/Students")); // its own write is counted at once
    }

    [Fact]
    public async Task SortAndPageLinksKeepTheSearch()
    {
        using var app = RecordsApp.OnSqlite();
        await SeedAsync(app, 45);

        var page = await (await app.SignedInClientAsync()).GetStringAsync("/Students?q=Physics&sort=Age");

        Assert.Contains("href=\"/Students?q=Physics&amp;sort=Age&amp;desc=true\"", page); // the current column flips
        Assert.Contains("href=\"/Students?q=Physics&amp;sort=Name&amp;desc=false\"", page);
        // 23 of 45 match; the 20th youngest of them, s39 (aged 16 + 39), ends page 1 and starts the Next link.
        using var scope = app.Services.CreateScope();
        var last = scope.ServiceProvider.GetRequiredService<RecordsDbContext>().Students.Single(s => s.Email == "s39@example.org");
        Assert.Contains($"href=\"/Students?q=Physics&amp;sort=Age&amp;desc=false&amp;p=2&amp;after=55&amp;afterId={last.Id}\"", page);
    }
}
