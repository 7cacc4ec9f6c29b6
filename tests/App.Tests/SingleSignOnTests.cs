using System.Net;
using StudentRecords.App.Identity;
using StudentRecords.App.Pages.Account;

namespace StudentRecords.App.Tests;

/// <summary>
/// Institutional sign-on against a real OpenID Connect provider (oidc-provider under Node, see
/// <see cref="OidcProvider"/>): the app in-process answers the browser at http://localhost and calls
/// the provider's discovery, token, JWKS and userinfo endpoints over real HTTP; the browser is two
/// cookie jars, one per site, and the redirects between them are followed by hand.
/// </summary>
public sealed class SingleSignOnTests
{
    private const string Students = "/Students";
    private const string Refused = "/Account/SignIn?" + SingleSignOn.RefusedQuery;

    private static RecordsApp AppFor(OidcProvider provider, string clientSecret = OidcProvider.ClientSecret, bool mapRegistrar = true) =>
        RecordsApp.OnSqlite()
            .With("Auth:Oidc:Authority", provider.Issuer)
            .With("Auth:Oidc:ClientId", OidcProvider.ClientId)
            .With("Auth:Oidc:ClientSecret", clientSecret)
            .With("Auth:Oidc:RoleClaim", "groups")
            .With($"Auth:Oidc:Roles:{StaffRoles.Administrator}", "records-admins")
            .With($"Auth:Oidc:Roles:{StaffRoles.Registrar}", mapRegistrar ? "registry-staff" : null)
            .With($"Auth:Oidc:Roles:{StaffRoles.Viewer}", "records-readers");

    [Fact]
    public async Task RegistrarSignsInThroughTheProviderAndGetsTheRegistrarRole()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var app = AppFor(provider);
        using var browser = new Browser(app);

        var callback = await browser.SignInAsync(provider, "registrar@uni.example");

        // The browser carries only a reference to the request, which the app pushed to the provider (PAR)...
        var authorize = browser.Hops[0].Location!;
        Assert.StartsWith($"{provider.Issuer}/auth?", authorize.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.DoesNotContain(query.AllKeys, key => key is "response_type" or "scope" or "state" or "nonce" or "code_challenge" or "redirect_uri");
        Assert.Equal(OidcProvider.ClientId, query["client_id"]);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"]);
        // ...as the provider received it: code flow with PKCE, back by query to /signin-oidc, with state and nonce.
        var pushed = await provider.PushedRequestAsync();
        Assert.Equal("code", pushed.GetProperty("response_type").GetString());
        Assert.Contains(pushed.GetProperty("response_mode").GetString(), new[] { null, "query" }); // query is the code flow's default
        Assert.Equal("S256", pushed.GetProperty("code_challenge_method").GetString());
        Assert.Equal(OidcProvider.RedirectUri, pushed.GetProperty("redirect_uri").GetString());
        Assert.Equal(OidcProvider.ClientId, pushed.GetProperty("client_id").GetString());
        Assert.Equal(new[] { "email", "openid", "profile" }, pushed.GetProperty("scope").GetString()!.Split(' ').Order().ToArray());
        Assert.True(pushed.GetProperty("state").GetBoolean() && pushed.GetProperty("nonce").GetBoolean());
        // The provider answered with a code in the query string: nothing but code, state and its issuer.
        var back = System.Web.HttpUtility.ParseQueryString(browser.Hops[^1].Url.Query);
        Assert.Equal(new[] { "code", "iss", "state" }, back.AllKeys.Order().ToArray());
        Assert.Equal(provider.Issuer, back["iss"]);

        Assert.Equal(Students, callback.Headers.Location?.OriginalString);
        Assert.Contains(SetCookies(callback), cookie => cookie.StartsWith("srp-session", StringComparison.Ordinal));
        var list = await browser.App.GetAsync(Students);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("registrar@uni.example", await list.Content.ReadAsStringAsync()); // the navbar's name
        Assert.Equal(HttpStatusCode.OK, (await browser.App.GetAsync("/Students/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.App.GetAsync("/Admin/Changes")).StatusCode);
        var signedIn = Assert.Single(app.Logs.Events(SecurityEvents.SignInSucceeded));
        Assert.Equal("registrar@uni.example", signedIn.Fields["user"]);
        Assert.Equal(SessionLifetime.SingleSignOnMethod, signedIn.Fields["method"]);
    }

    [Fact]
    public async Task TheAdministratorsGroupGrantsAdministratorAndTheReadersGroupOnlyViewer()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var app = AppFor(provider);

        using var admin = new Browser(app);
        Assert.Equal(Students, (await admin.SignInAsync(provider, "admin@uni.example")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.App.GetAsync("/Admin/Changes")).StatusCode);
        Assert.Contains("admin@uni.example", await admin.App.GetStringAsync(Students));

        using var viewer = new Browser(app);
        Assert.Equal(Students, (await viewer.SignInAsync(provider, "viewer@uni.example")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await viewer.App.GetAsync(Students)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.App.GetAsync("/Students/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.App.GetAsync("/Admin/Changes")).StatusCode);
    }

    [Fact]
    public async Task AnAccountInNoMappedGroupIsRefusedWithoutASession()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var app = AppFor(provider);
        using var browser = new Browser(app);

        var callback = await browser.SignInAsync(provider, "nobody@uni.example");

        await AssertRefusedAsync(app, browser, callback, "single sign-on grants no role");
        Assert.Equal("nobody@uni.example", Assert.Single(app.Logs.Events(SecurityEvents.SignInFailed)).Fields["user"]);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(SignInModel.SingleSignOnRefusal), await browser.App.GetStringAsync(Refused));
    }

    [Fact]
    public async Task AGroupIsOnlyARoleWhenConfigured()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var app = AppFor(provider, mapRegistrar: false);
        using var browser = new Browser(app);

        var callback = await browser.SignInAsync(provider, "registrar@uni.example");

        await AssertRefusedAsync(app, browser, callback, "single sign-on grants no role");
    }

    [Fact]
    public async Task AWrongClientSecretIsRefusedByTheProvider()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var app = AppFor(provider, clientSecret: "not-the-registered-secret");
        using var browser = new Browser(app);

        // The app authenticates as the client already when it pushes the authorization request: the
        // provider refuses that, and the browser is sent back to sign-in without leaving the app.
        var challenge = await browser.ChallengeAsync();

        await AssertRefusedAsync(app, browser, challenge, "OpenIdConnectProtocolException");
        await AssertProviderSaidAsync(provider, "pushed_authorization_request.error: InvalidClient");
    }

    [Fact]
    public async Task AProviderThatDoesNotAnswerIsARefusalNotAnError()
    {
        var provider = await OidcProvider.StartAsync();
        await provider.DisposeAsync(); // its port is closed now: discovery fails
        using var app = AppFor(provider);
        using var browser = new Browser(app);

        var challenge = await browser.ChallengeAsync();

        await AssertRefusedAsync(app, browser, challenge, "InvalidOperationException"); // IDX20803: unable to obtain configuration
    }

    [Fact]
    public async Task ATokenSignedWithAKeyTheProviderDoesNotPublishIsRefused()
    {
        // The provider signs with one key and its JWKS publishes another under the same kid.
        await using var provider = await OidcProvider.StartAsync(OidcProvider.ClientSecret, "--publish-other-key");
        using var app = AppFor(provider);
        using var browser = new Browser(app);

        var callback = await browser.SignInAsync(provider, "admin@uni.example");

        await AssertRefusedAsync(app, browser, callback, "Signature");
    }

    [Fact]
    public async Task ACodeFromAnotherProviderIsRefusedAtTheTokenEndpoint()
    {
        // A second provider, with its own keys and issuer and the same client registered, issues a code
        // to an authorization request of the attacker's; the attacker puts it in place of the real code
        // in the provider's redirect back to the app, keeping the app's own state.
        await using var provider = await OidcProvider.StartAsync();
        await using var impostor = await OidcProvider.StartAsync();
        using var app = AppFor(provider);
        using var browser = new Browser(app);
        using var attacker = new Browser(app);

        var challenge = await browser.ChallengeAsync();
        var genuine = await browser.AtProviderAsync(challenge.Headers.Location!, "admin@uni.example");
        var verifier = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var codeChallenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var forged = await attacker.AtProviderAsync(new Uri($"{impostor.Issuer}/auth?client_id={OidcProvider.ClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(OidcProvider.RedirectUri)}&state=attacker&code_challenge={codeChallenge}&code_challenge_method=S256"), "admin@uni.example");
        var genuineQuery = System.Web.HttpUtility.ParseQueryString(genuine.Query);
        var forgedCode = System.Web.HttpUtility.ParseQueryString(forged.Query)["code"];
        Assert.False(string.IsNullOrEmpty(forgedCode));
        Assert.NotEqual(genuineQuery["code"], forgedCode);

        var callback = await browser.DeliverAsync(new Uri($"{OidcProvider.RedirectUri}?code={forgedCode}&state={Uri.EscapeDataString(genuineQuery["state"]!)}&iss={Uri.EscapeDataString(genuineQuery["iss"]!)}"));

        await AssertRefusedAsync(app, browser, callback, "OpenIdConnectProtocolException");
        await AssertProviderSaidAsync(provider, "grant.error: InvalidGrant");
    }

    [Fact]
    public async Task AnExpiredIdTokenIsRefused()
    {
        // The provider's clock runs 15 minutes slow and its id_tokens live 5: each is 10 minutes past
        // its exp when it arrives, twice the handler's 5-minute clock skew.
        await using var provider = await OidcProvider.StartAsync(options: ["--clock-offset-seconds=-900", "--id-token-ttl-seconds", "300"]);
        using var app = AppFor(provider);
        using var browser = new Browser(app);

        var callback = await browser.SignInAsync(provider, "admin@uni.example");

        await AssertRefusedAsync(app, browser, callback, "SecurityTokenExpiredException");
    }

    [Fact]
    public async Task LocalAccountsSignInBesideSingleSignOn()
    {
        await using var provider = await OidcProvider.StartAsync();
        using var app = AppFor(provider);

        var signInPage = await Forms.Browser(app).GetStringAsync("/Account/SignIn");
        Assert.Contains("handler=SingleSignOn", signInPage);
        var local = await app.SignedInClientAsync(StaffRoles.Registrar);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/Students/Create")).StatusCode);
        var signedIn = Assert.Single(app.Logs.Events(SecurityEvents.SignInSucceeded));
        Assert.Equal("password", signedIn.Fields["method"]);

        using var sso = new Browser(app);
        Assert.Equal(Students, (await sso.SignInAsync(provider, "registrar@uni.example")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync(Students)).StatusCode);
    }

    /// <summary>The callback sent the browser back to the sign-in page, set no session, and the app logged why.</summary>
    private static async Task AssertRefusedAsync(RecordsApp app, Browser browser, HttpResponseMessage callback, string reason)
    {
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(Refused, callback.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SetCookies(callback), cookie => cookie.StartsWith("srp-session", StringComparison.Ordinal));
        var list = await browser.App.GetAsync(Students);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Contains(IdentityServices.SignInPath, list.Headers.Location!.OriginalString);
        Assert.Empty(app.Logs.Events(SecurityEvents.SignInSucceeded));
        var refusal = Assert.Single(app.Logs.Events(SecurityEvents.SignInFailed));
        Assert.Contains(reason, refusal.Fields["reason"]);
    }

    /// <summary>The provider logged <paramref name="error"/> (its stderr arrives asynchronously).</summary>
    private static async Task AssertProviderSaidAsync(OidcProvider provider, string error)
    {
        for (var wait = 0; wait < 50 && !provider.Errors.Contains(error, StringComparison.Ordinal); wait++) await Task.Delay(100);
        Assert.Contains(error, provider.Errors);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>A browser: the app's TestServer client and a real HTTP client for the provider, each with its own cookies.</summary>
    private sealed class Browser(RecordsApp app) : IDisposable
    {
        public sealed record Hop(string Method, Uri Url, HttpStatusCode Status, Uri? Location);

        public HttpClient App { get; } = Forms.Browser(app);

        private readonly HttpClient provider = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { Timeout = TimeSpan.FromSeconds(30) };

        /// <summary>Every request the browser made, in order, with where it was sent next.</summary>
        public List<Hop> Hops { get; } = [];

        /// <summary>
        /// Starts single sign-on at the app, signs in at the provider as <paramref name="login"/>, and
        /// returns the app's answer to the provider's redirect back to /signin-oidc.
        /// </summary>
        public async Task<HttpResponseMessage> SignInAsync(OidcProvider expected, string login)
        {
            var challenge = await ChallengeAsync();
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            Assert.StartsWith($"{expected.Issuer}/", challenge.Headers.Location!.ToString());
            return await DeliverAsync(await AtProviderAsync(challenge.Headers.Location!, login, expected));
        }

        /// <summary>The "Sign in with your institution" link: the app's redirect to the provider.</summary>
        public Task<HttpResponseMessage> ChallengeAsync() =>
            SendAsync(App, HttpMethod.Get, new Uri(App.BaseAddress!, "/Account/SignIn?handler=SingleSignOn&returnUrl=%2FStudents"));

        /// <summary>Follows the provider's redirects from <paramref name="start"/>, signing in on its form, up to the redirect back to the app.</summary>
        public async Task<Uri> AtProviderAsync(Uri start, string login, OidcProvider? provider = null)
        {
            var response = await SendAsync(this.provider, HttpMethod.Get, start);
            for (var step = 0; step < 10; step++)
            {
                var at = response.RequestMessage!.RequestUri!;
                if (response.StatusCode == HttpStatusCode.OK && at.AbsolutePath.StartsWith("/interaction/", StringComparison.Ordinal)
                    && response.RequestMessage.Method == HttpMethod.Get)
                {
                    Assert.Contains("name=\"login\"", await response.Content.ReadAsStringAsync()); // the provider's sign-in form
                    response = await SendAsync(this.provider, HttpMethod.Post, at, new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login }));
                    continue;
                }
                Assert.True(IsRedirect(response.StatusCode), $"{response.RequestMessage.Method} {at} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{provider?.Errors}");
                var next = new Uri(at, response.Headers.Location!);
                if (next.Host == App.BaseAddress!.Host)
                {
                    Assert.Equal("/signin-oidc", next.AbsolutePath);
                    return next;
                }
                response = await SendAsync(this.provider, HttpMethod.Get, next);
            }
            Assert.Fail($"no way back to the app after {Hops.Count} requests");
            return null!;
        }

        /// <summary>The provider's redirect back, as the browser follows it to the app.</summary>
        public Task<HttpResponseMessage> DeliverAsync(Uri callback) => SendAsync(App, HttpMethod.Get, callback);

        private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, Uri url, HttpContent? content = null)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
            Hops.Add(new(method.Method, url, response.StatusCode, response.Headers.Location is { } location ? new Uri(url, location) : null));
            return response;
        }

        private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 301 and <= 308;

        public void Dispose()
        {
            App.Dispose();
            provider.Dispose();
        }
    }
}
