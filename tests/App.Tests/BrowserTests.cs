using Microsoft.Playwright;
using StudentRecords.Model.Tests;

namespace StudentRecords.App.Tests;

/// <summary>
/// A member of staff in a real browser (Debian's Chromium, driven by Playwright with the system
/// executable: Playwright's own browser download is not reachable here) against the app on Kestrel.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class BrowserTests(MariaDbServer mariaDb)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task RegistrarSignsInCreatesFindsEditsMistypesReadsHistoryAndDeletesAStudentOnAccessiblePages()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: tests/prerequisites.sh installs it");
        using var app = RecordsApp.OnMariaDb(mariaDb);
        app.UseKestrel(0);
        app.StartServer();
        await app.AddUserAsync("registrar@example.org", StudentRecords.App.Identity.StaffRoles.Registrar);
        var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "tests", "artifacts")).FullName;

        await page.GotoAsync($"{baseUrl}/Students/Create"); // not signed in: the sign-in form, then back here
        Assert.Contains("/Account/SignIn", page.Url);
        await AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Email", "registrar@example.org");
        await page.FillAsync("#Input_Password", RecordsApp.Password);
        await SubmitAsync(page, "main button[type=submit]", "**/Students/Create");
        Assert.Contains("registrar@example.org", await page.InnerTextAsync("nav"));
        await AssertAccessibleAsync(page);

        await page.FillAsync("#Input_FullName", "Zoë O'Brien-Núñez");
        await page.FillAsync("#Input_Email", "zoe@example.org");
        await page.FillAsync("#Input_Age", "21");
        await page.FillAsync("#Input_Course", "Medieval History");
        await page.FillAsync("#Input_EnrolmentDate", "2025-09-01");
        await SubmitAsync(page, "main button[type=submit]", "**/Students/Details/*");
        Assert.Contains("Added Zoë O'Brien-Núñez.", await page.InnerTextAsync("[role=status]"));
        await AssertAccessibleAsync(page);

        await SubmitAsync(page, "a[href*='/Students/History/']", "**/Students/History/*");
        var history = await page.InnerTextAsync("table");
        Assert.Contains("registrar@example.org", history);
        Assert.Contains("Created", history);
        Assert.Contains("Course or programme: — → Medieval History", history);
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"{baseUrl}/Students?q=Medieval");
        Assert.Contains("Zoë O'Brien-Núñez", await page.InnerTextAsync("table"));
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "browser-signed-in-list.png"), FullPage = true });

        await SubmitAsync(page, "text=Edit", "**/Students/Edit/*");
        await page.FillAsync("#Input_Age", "15");
        await page.ClickAsync("main button[type=submit]"); // the same URL answers with the form again: wait for the message
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Age']")).ToHaveTextAsync("Age must be between 16 and 100.", new() { Timeout = 60000 });
        Assert.Equal("Medieval History", await page.InputValueAsync("#Input_Course")); // input kept
        await AssertAccessibleAsync(page); // the form with its error message
        await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "browser-validation-error.png"), FullPage = true });

        await page.FillAsync("#Input_Age", "22");
        await SubmitAsync(page, "main button[type=submit]", "**/Students/Details/*");
        Assert.Contains("22", await page.InnerTextAsync("dl"));

        await SubmitAsync(page, "text=Delete", "**/Students/Delete/*");
        Assert.Contains("Delete Zoë O'Brien-Núñez?", await page.InnerTextAsync("h1"));
        await AssertAccessibleAsync(page);
        await SubmitAsync(page, "button.btn-danger", "**/Students");
        Assert.Contains("No students yet.", await page.InnerTextAsync("main"));
        await AssertAccessibleAsync(page); // the empty list

        await SubmitAsync(page, "nav a[href='/Account/SignOut']", "**/Account/SignOut");
        await SubmitAsync(page, "main button[type=submit]", "**/Account/SignIn");
        await page.GotoAsync($"{baseUrl}/Students");
        Assert.Contains("/Account/SignIn", page.Url);
    }

    [Fact]
    public async Task RegistrarUploadsAFileWithOneBadRowSeesItFixesItAndImportsTheRest()
    {
        using var app = RecordsApp.OnMariaDb(mariaDb);
        app.UseKestrel(0);
        app.StartServer();
        await app.AddUserAsync("registrar@example.org", StudentRecords.App.Identity.StaffRoles.Registrar);
        var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var folder = Directory.CreateTempSubdirectory("srp-import-");
        try
        {
            var bad = Path.Combine(folder.FullName, "admissions.csv");
            var good = Path.Combine(folder.FullName, "admissions-fixed.csv");
            File.WriteAllText(bad, $"{CsvUploads.Header}\r\nZoë Núñez,zoe@example.org,19,History,2025-09-01\r\nŁukasz Nowak,lukasz.example.org,22,Physics,2025-09-01\r\n");
            File.WriteAllText(good, File.ReadAllText(bad).Replace("lukasz.example.org,", "lukasz@example.org,"));

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await LaunchAsync(playwright);
            var page = await NewPageAsync(browser);
            await page.GotoAsync($"{baseUrl}/Students");
            await page.FillAsync("#Input_Email", "registrar@example.org");
            await page.FillAsync("#Input_Password", RecordsApp.Password);
            await SubmitAsync(page, "main button[type=submit]", "**/Students");
            Assert.Contains("No students yet.", await page.InnerTextAsync("main"));

            await SubmitAsync(page, "main a[href='/Students/Import']", "**/Students/Import");
            await AssertAccessibleAsync(page);
            await page.SetInputFilesAsync("#file", bad);
            await SubmitAsync(page, "main button[type=submit]", "**/Students/Import?id=*");
            Assert.Contains("1 row(s) ready to import; 1 row(s) with problems.", await page.InnerTextAsync("main"));
            Assert.Equal("3\tThe E-mail field is not a valid e-mail address.", await page.InnerTextAsync("main tbody tr"));
            Assert.Equal(0, await page.Locator("text=Import 1 students").CountAsync()); // nothing to import while a row is bad
            await AssertAccessibleAsync(page);

            await SubmitAsync(page, "text=Upload a corrected file", "**/Students/Import");
            await page.SetInputFilesAsync("#file", good);
            await SubmitAsync(page, "main button[type=submit]", "**/Students/Import?id=*");
            Assert.Contains("2 row(s) ready to import; 0 row(s) with problems.", await page.InnerTextAsync("main"));
            Assert.Equal("Full name", await page.Locator("#map-name option:checked").InnerTextAsync()); // the header's column, chosen for it
            await AssertAccessibleAsync(page);
            await SubmitAsync(page, "text=Import 2 students", "**/Students");
            Assert.Contains("Imported 2 students from admissions-fixed.csv.", await page.InnerTextAsync("[role=status]"));
            Assert.Contains("Łukasz Nowak", await page.InnerTextAsync("table"));
            Assert.Contains("Zoë Núñez", await page.InnerTextAsync("table"));
            await AssertAccessibleAsync(page);
        }
        finally
        {
            folder.Delete(recursive: true); // also when an assertion fails
        }
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>A page whose context bypasses the app's CSP: it forbids inline scripts, and axe-core is injected as one.</summary>
    private static async Task<IPage> NewPageAsync(IBrowser browser) => await (await browser.NewContextAsync(new() { BypassCSP = true })).NewPageAsync();

    /// <summary>
    /// axe-core (npm, run in the page) finds no WCAG 2.2 A/AA violation on what the page shows now.
    /// </summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
              .violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)
            """);
        Assert.True(violations.Length == 0, $"{page.Url}:\n  {string.Join("\n  ", violations)}");
    }

    /// <summary>Clicks and waits for the page it leads to, as a person waits for the next page to appear.</summary>
    private static Task SubmitAsync(IPage page, string selector, string urlGlob) => Task.WhenAll(
        page.WaitForURLAsync(urlGlob, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60000 }),
        page.ClickAsync(selector));
}
