using System.Net;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Tests;

/// <summary>The Administrators' Users page: the same operations and refusals as the <c>users</c> command.</summary>
public sealed class UsersPageTests
{
    [Fact]
    public async Task AdministratorAddsChangesAndDisablesAUserThroughThePage()
    {
        using var app = RecordsApp.OnSqlite();
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);

        var added = await Forms.PostAsync(admin, "/Admin/Users", new Dictionary<string, string> { ["Email"] = "New.Clerk@example.org", ["Role"] = StaffRoles.Viewer, ["Password"] = RecordsApp.Password }, "/Admin/Users?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordsApp.SignInAsync(Forms.Browser(app), "new.clerk@example.org", RecordsApp.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, "/Admin/Users", new Dictionary<string, string> { ["Email"] = "new.clerk@example.org", ["Role"] = StaffRoles.Registrar }, "/Admin/Users?handler=Role")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, "/Admin/Users", new Dictionary<string, string> { ["Email"] = "new.clerk@example.org", ["Role"] = StaffRoles.Registrar }, "/Admin/Users?handler=Disable")).StatusCode);

        var page = await admin.GetStringAsync("/Admin/Users");
        var row = page[page.IndexOf("<td>new.clerk@example.org</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<option value=\"Registrar\" selected=\"selected\">", row);
        Assert.Contains("<td>disabled</td>", row);
        Assert.Single(app.Logs.Events(SecurityEvents.UserDisabled), e => e.Fields["actor"]!.StartsWith("administrator-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("new@example.org", "Viewer", "short", "The password is too weak")]
    [InlineData("not-an-address", "Viewer", RecordsApp.Password, "is not an e-mail address")]
    [InlineData("new@example.org", "Dean", RecordsApp.Password, "Unknown role &#x27;Dean&#x27;")]
    public async Task BadInputOnThePageIsRefusedWithItsMessageAndNobodyIsAdded(string email, string role, string password, string message)
    {
        using var app = RecordsApp.OnSqlite();
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);

        var response = await Forms.PostAsync(admin, "/Admin/Users", new Dictionary<string, string> { ["Email"] = email, ["Role"] = role, ["Password"] = password }, "/Admin/Users?handler=Add");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, page);
        Assert.DoesNotContain(password == RecordsApp.Password ? RecordsApp.Password : "value=\"short\"", page); // the password is not sent back
        Assert.DoesNotContain($"<td>{email}</td>", page);
    }
}
