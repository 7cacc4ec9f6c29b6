using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudentRecords.App.Data;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>
/// <c>StudentRecords.App users …</c>: staff accounts without a browser. Each refusal is one line, a
/// non-zero exit, and no change. In-process on both databases, and once as the real program.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class UsersCommandTests(MariaDbServer mariaDb)
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task AddListRoleAndDisableManageAccounts(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);

        Assert.Equal((0, "", ""), await RunAsync(app, $"{RecordsApp.Password}\n", "users", "add", "--email", "First.Admin@Example.org", "--role", "Administrator"));
        Assert.Equal((0, "", ""), await RunAsync(app, $"{RecordsApp.Password}\n", "users", "add", "--email", "clerk@example.org", "--role", "viewer"));
        Assert.Equal((0, "", ""), await RunAsync(app, "", "users", "role", "--email", "clerk@example.org", "--role", "Registrar"));
        Assert.Equal((0, "", ""), await RunAsync(app, "", "users", "disable", "--email", "clerk@example.org"));
        var (code, listed, _) = await RunAsync(app, "", "users", "list");

        Assert.Equal(0, code);
        Assert.Equal(["clerk@example.org\tRegistrar\tdisabled", "first.admin@example.org\tAdministrator\tactive"], listed.TrimEnd().Split('\n'));
        await RecordsApp.SignInAsync(Forms.Browser(app), "first.admin@example.org", RecordsApp.Password);
        Assert.Single(app.Logs.Events(SecurityEvents.SignInSucceeded)); // the password read from stdin is the one that works
        Assert.Equal(2, app.Logs.Events(SecurityEvents.UserAdded).Count);
        Assert.Single(app.Logs.Events(SecurityEvents.UserDisabled));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(RecordsApp.Password));
    }

    [Theory]
    [InlineData("unknown role", "add --email a@example.org --role Dean", "Unknown role 'Dean'; valid roles: Administrator, Registrar, Viewer.")]
    [InlineData("weak password", "add --email a@example.org --role Viewer", "The password is too weak: Passwords must be at least 12 characters.", "short")]
    [InlineData("duplicate e-mail", "add --email Taken@example.org --role Viewer", "A user with the e-mail taken@example.org already exists.")]
    [InlineData("malformed e-mail", "add --email not-an-address --role Viewer", "'not-an-address' is not an e-mail address.")]
    [InlineData("no such user (role)", "role --email ghost@example.org --role Viewer", "There is no user with the e-mail ghost@example.org.")]
    [InlineData("no such user (disable)", "disable --email ghost@example.org", "There is no user with the e-mail ghost@example.org.")]
    [InlineData("missing option", "add --role Viewer", "Option '--email' is required.")]
    [InlineData("unknown command", "promote --email taken@example.org", "Unrecognized command or argument 'promote'.")]
    public async Task BadInputExitsNonZeroWithOneLineAndChangesNothing(string _, string arguments, string message, string password = RecordsApp.Password)
    {
        using var app = RecordsApp.OnSqlite();
        await app.AddUserAsync("taken@example.org", StaffRoles.Viewer);

        var (code, output, errors) = await RunAsync(app, $"{password}\n", ["users", .. arguments.Split(' ')]);

        Assert.Equal(UsersCommand.Refused, code);
        Assert.Equal("", output);
        Assert.Single(errors.TrimEnd().Split('\n'));
        Assert.Contains(message, errors);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        Assert.Equal(["taken@example.org"], await db.Users.Select(u => u.Email).ToListAsync());
        Assert.Single(await db.UserRoles.ToListAsync());
    }

    [Fact]
    public async Task TheRealProgramReadsThePasswordFromStandardInputAndExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("srp-users-").FullName;
        try
        {
            var database = $"Data Source={Path.Combine(folder, "records.db")}";
            var (code, _, errors) = await ProgramAsync(database, $"{RecordsApp.Password}\n", "users", "add", "--email", "admin@example.org", "--role", "Administrator");
            Assert.True(code == 0, errors);
            // JSON log lines, with the event where the platform's CloudWatch metric filters look: $.State.event.
            var events = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!);
            Assert.Contains(events, e => (string?)e["State"]?["event"] == SecurityEvents.UserAdded && (string?)e["State"]?["user"] == "admin@example.org");
            var (weakCode, _, weakErrors) = await ProgramAsync(database, "too short\n", "users", "add", "--email", "b@example.org", "--role", "Viewer");
            Assert.Equal(UsersCommand.Refused, weakCode);
            Assert.Contains("users: The password is too weak", weakErrors);
            var (listCode, listed, _) = await ProgramAsync(database, "", "users", "list");
            Assert.Equal((0, "admin@example.org\tAdministrator\tactive\n"), (listCode, listed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(RecordsApp app, string input, params string[] args)
    {
        _ = app.Server; // started and migrated, as the program migrates before a command
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await UsersCommand.RunAsync(app.Services, args[1..], new StringReader(input), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>The app's own program, as an operator runs it: <c>dotnet StudentRecords.App.dll users …</c>.</summary>
    private static async Task<(int Code, string Output, string Errors)> ProgramAsync(string database, string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StudentRecords.App.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Sqlite"] = database;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
