using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace StudentRecords.App.Identity;

/// <summary>
/// OpenID Connect sign-in beside local accounts: authorization code with PKCE; the configured claim
/// maps to one of the app's roles, and a user the claim grants no role is refused.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string RefusedQuery = "sso=refused";

    public static AuthenticationBuilder AddRecordsSingleSignOn(this AuthenticationBuilder builder, SingleSignOnSettings settings)
    {
        builder.AddOpenIdConnect(Scheme, "Institutional sign-on", options =>
        {
            options.Authority = settings.Authority;
            options.RequireHttpsMetadata = !new Uri(settings.Authority).IsLoopback; // plain HTTP only for a provider on this machine
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            // Back to us by a top-level GET, so Lax cookies suffice (form_post would need SameSite=None).
            options.ResponseMode = "query";
            options.SignInScheme = IdentityConstants.ApplicationScheme;
            options.CallbackPath = "/signin-oidc";
            options.Scope.Add("email");
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false; // keep the provider's claim names, as the configuration names them
            options.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
            options.SaveTokens = false;
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                cookie.SameSite = SameSiteMode.Lax;
            }
            options.Events.OnTicketReceived = context => AdmitAsync(context, settings);
            options.Events.OnRemoteFailure = context =>
            {
                Logger(context.HttpContext).SignInRefused(SecurityEvents.SignInFailed, "(single sign-on)", context.Failure?.GetType().Name ?? "remote failure");
                context.Response.Redirect($"/Account/SignIn?{RefusedQuery}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        // The challenge calls the provider too (discovery, and the pushed authorization request that
        // .NET sends when the provider offers PAR, which authenticates the client): a failure there is
        // a refusal like one on the way back, not a 500.
        builder.Services.AddTransient<RefusingChallengeHandler>();
        builder.Services.Configure<AuthenticationOptions>(options => options.SchemeMap[Scheme].HandlerType = typeof(RefusingChallengeHandler));
        return builder;
    }

    private sealed class RefusingChallengeHandler(IOptionsMonitor<OpenIdConnectOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.HtmlEncoder htmlEncoder, System.Text.Encodings.Web.UrlEncoder encoder)
        : OpenIdConnectHandler(options, logger, htmlEncoder, encoder)
    {
        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            try
            {
                await base.HandleChallengeAsync(properties);
            }
            catch (Exception failure) when (failure is not OperationCanceledException && !Response.HasStarted)
            {
                SingleSignOn.Logger(Context).SignInRefused(SecurityEvents.SignInFailed, "(single sign-on)", failure.GetType().Name);
                Response.Redirect($"/Account/SignIn?{RefusedQuery}");
            }
        }
    }

    /// <summary>Replaces the provider's principal by the app's own: a name, one role, the sign-on marker.</summary>
    private static Task AdmitAsync(TicketReceivedContext context, SingleSignOnSettings settings)
    {
        var external = context.Principal!;
        var name = external.FindFirst("email")?.Value ?? external.FindFirst("preferred_username")?.Value ?? external.FindFirst("sub")?.Value ?? "";
        var role = settings.RoleFor(external.FindAll(settings.RoleClaim).Select(claim => claim.Value));
        if (role is null || name.Length == 0)
        {
            Logger(context.HttpContext).SignInRefused(SecurityEvents.SignInFailed, name, "single sign-on grants no role");
            context.Response.Redirect($"/Account/SignIn?{RefusedQuery}");
            context.HandleResponse();
            return Task.CompletedTask;
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"oidc:{external.FindFirst("sub")?.Value}"),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
                new Claim(SessionLifetime.MethodClaim, SessionLifetime.SingleSignOnMethod),
            ],
            Scheme, ClaimTypes.Name, ClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        Logger(context.HttpContext).SignedIn(SecurityEvents.SignInSucceeded, name, SessionLifetime.SingleSignOnMethod);
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn));
}
