using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudentRecords.App.Identity;
using StudentRecords.App.Pages.Account;

namespace StudentRecords.App.Tests;

/// <summary>Who gets in: sign-in, refusals that reveal nothing, lockout, return addresses, sessions and their end.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class SignInTests(MariaDbServer mariaDb)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Students")]
    [InlineData("/Students/Create")]
    [InlineData("/Students/Details/1")]
    [InlineData("/Students/Edit/1")]
    [InlineData("/Students/Delete/1")]
    [InlineData("/Students/History/1")]
    [InlineData("/Admin/Changes")]
    [InlineData("/Admin/Users")]
    public async Task AnonymousRequestForAPageIsSentToSignInAndBackAfterwards(string path)
    {
        using var app = RecordsApp.OnSqlite();
        var response = await Forms.Browser(app).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task HealthStaticFilesAndSignInNeedNoSession()
    {
        using var app = RecordsApp.OnSqlite();
        var client = Forms.Browser(app);
        foreach (var path in new[] { AppContract.LivenessPath, AppContract.ReadinessPath, "/css/site.css", "/lib/bootstrap/css/bootstrap.min.css", "/Account/SignIn" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void EveryPageButSigningInRequiresARole()
    {
        using var app = RecordsApp.OnSqlite();
        var open = new[] { "/Account/SignIn", "/Account/SignOut", "/Status/{code:int}", "/Error" };
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                        || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText;
            if (open.Contains(route, StringComparer.OrdinalIgnoreCase) || route == "/Index" || route == "/") continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Contains(StaffPolicies.Read) || policies.Contains(StaffPolicies.Administer), $"{route} has no role policy");
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task RightPasswordSignsInAndReturnsToTheLocalPageAsked(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await app.AddUserAsync("Viewer@Example.org", StaffRoles.Viewer);
        var client = Forms.Browser(app);

        var response = await RecordsApp.SignInAsync(client, "viewer@example.org", RecordsApp.Password, "/Students?q=Physics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Students?q=Physics", response.Headers.Location!.OriginalString);
        var list = await client.GetStringAsync("/Students");
        Assert.Contains("viewer@example.org", list); // the navbar names who is signed in
        Assert.Single(app.Logs.Events(SecurityEvents.SignInSucceeded), e => e.Fields["user"] == "viewer@example.org");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task ExternalReturnUrlIsNotFollowed(string returnUrl)
    {
        using var app = RecordsApp.OnSqlite();
        await app.AddUserAsync("viewer@example.org", StaffRoles.Viewer);

        var response = await RecordsApp.SignInAsync(Forms.Browser(app), "viewer@example.org", RecordsApp.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Students", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task WrongPasswordAndUnknownUserReadTheSameAndSignNobodyIn(string provider)
    {
        using var app = RecordsApp.On(provider, mariaDb);
        await app.AddUserAsync("registrar@example.org", StaffRoles.Registrar);
        var client = Forms.Browser(app);

        var wrong = await RecordsApp.SignInAsync(client, "registrar@example.org", "not the password at all");
        var unknown = await RecordsApp.SignInAsync(client, "nobody@example.org", "not the password at all");

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(SignInModel.Refusal).Replace("&#x27;", "'"), page.Replace("&#x27;", "'"));
            Assert.DoesNotContain("not the password at all", page); // the password is not sent back
            Assert.DoesNotContain("srp-session", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Students")).StatusCode);
        var failures = app.Logs.Events(SecurityEvents.SignInFailed);
        Assert.Equal(["wrong-password", "unknown-user"], failures.Select(f => f.Fields["reason"]));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("not the password at all") || e.Fields.Values.Any(v => v?.Contains("not the password at all") == true));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task FiveFailuresLockTheAccountForFifteenMinutesWithoutSayingSo(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = RecordsApp.On(provider, mariaDb).WithClock(clock);
        await app.AddUserAsync("registrar@example.org", StaffRoles.Registrar);
        var client = Forms.Browser(app);

        for (var i = 0; i < 5; i++) await RecordsApp.SignInAsync(client, "registrar@example.org", "wrong password here");
        var locked = await RecordsApp.SignInAsync(client, "registrar@example.org", RecordsApp.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("did not sign you in", await locked.Content.ReadAsStringAsync());
        Assert.Single(app.Logs.Events(SecurityEvents.AccountLocked));
        Assert.Equal("locked-out", app.Logs.Events(SecurityEvents.SignInFailed)[^1].Fields["reason"]);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("registrar@example.org"))!;
            var until = (await users.GetLockoutEndDateAsync(user))!.Value;
            Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
        }
    }

    [Theory]
    [InlineData(255, 10)]
    [InlineData(20, 257)]
    public async Task OverLongFieldsAreRefusedWithAMessage(int emailLength, int passwordLength)
    {
        using var app = RecordsApp.OnSqlite();
        var email = new string('a', emailLength - "@example.org".Length) + "@example.org";

        var response = await RecordsApp.SignInAsync(Forms.Browser(app), email, new string('p', passwordLength));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(emailLength > 254 ? "The e-mail can be at most 254 characters." : "The password can be at most 256 characters.", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Logs.Events(SecurityEvents.SignInFailed)); // refused before any lookup
    }

    [Fact]
    public async Task SignInWithoutItsAntiforgeryTokenIsRefusedWithAPage()
    {
        using var app = RecordsApp.OnSqlite();
        await app.AddUserAsync("viewer@example.org", StaffRoles.Viewer);
        var response = await Forms.Browser(app).PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "viewer@example.org",
            ["Input.Password"] = RecordsApp.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be accepted", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Logs.Events(SecurityEvents.SignInSucceeded));
    }

    [Fact]
    public async Task SessionCookieIsHttpOnlyLaxAndSecureBehindHttps()
    {
        using var app = RecordsApp.OnSqlite();
        await app.AddUserAsync("viewer@example.org", StaffRoles.Viewer);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await RecordsApp.SignInAsync(client, "viewer@example.org", RecordsApp.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("srp-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("secure", cookie);
        Assert.DoesNotContain("expires=", cookie); // a browser session; the ticket inside expires on its own
    }

    [Fact]
    public async Task SessionEndsAfterTwentyIdleMinutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = RecordsApp.OnSqlite().WithClock(clock);
        var client = await app.SignedInClientAsync(StaffRoles.Viewer);

        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Students")).StatusCode); // and slides on
        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Students")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Students")).StatusCode);
    }

    [Fact]
    public async Task SessionEndsEightHoursAfterSignInHoweverActive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = RecordsApp.OnSqlite().WithClock(clock);
        var client = await app.SignedInClientAsync(StaffRoles.Viewer);

        for (var minutes = 15; minutes < 8 * 60; minutes += 15)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Students")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(15)); // 8 h 0 min after sign-in
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Students")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task DisabledUserWithALiveSessionIsOutWithinAMinute(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = RecordsApp.On(provider, mariaDb).WithClock(clock);
        await app.AddUserAsync("registrar@example.org", StaffRoles.Registrar);
        var client = await app.SignedInClientAsync(email: "registrar@example.org");

        using (var scope = app.Services.CreateScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetDisabledAsync("registrar@example.org", true, "test"));
        clock.Advance(SessionLifetime.StampCheck + TimeSpan.FromSeconds(1));

        var response = await client.GetAsync("/Students");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
        var again = await RecordsApp.SignInAsync(Forms.Browser(app), "registrar@example.org", RecordsApp.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // refused, with the same words as any other refusal
        Assert.Contains("did not sign you in", await again.Content.ReadAsStringAsync());
        Assert.Equal("disabled", app.Logs.Events(SecurityEvents.SignInFailed)[^1].Fields["reason"]);
    }

    [Fact]
    public async Task SignOutEndsTheSessionAndEveryCopyOfIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = RecordsApp.OnSqlite().WithClock(clock);
        await app.AddUserAsync("viewer@example.org", StaffRoles.Viewer);
        var client = await app.SignedInClientAsync(email: "viewer@example.org");
        var copy = await app.SignedInClientAsync(email: "viewer@example.org"); // the same user elsewhere

        var signOut = await Forms.PostAsync(client, "/Account/SignOut", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Students")).StatusCode);

        clock.Advance(SessionLifetime.StampCheck + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/Students")).StatusCode);
        Assert.Single(app.Logs.Events(SecurityEvents.SignedOut));
    }
}
