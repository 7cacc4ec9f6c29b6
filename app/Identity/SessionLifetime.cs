using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace StudentRecords.App.Identity;

/// <summary>
/// A session ends after 20 minutes without a request (sliding cookie) and 8 hours after sign-in
/// whatever its activity. Renewals keep the time of the first sign-in, held in the ticket's properties.
/// </summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(8);

    /// <summary>How often a session is checked against its account: a disabled user is out within this.</summary>
    public static readonly TimeSpan StampCheck = TimeSpan.FromMinutes(1);

    /// <summary>The claim that says how the user signed in (OpenID Connect's "amr" name)...</summary>
    public const string MethodClaim = "amr";

    /// <summary>...and its value for single sign-on, whose principals have no local account to check.</summary>
    public const string SingleSignOnMethod = "oidc";

    private const string SignedInAtKey = "signed-in-at";

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var now = context.Options.TimeProvider!.GetUtcNow();
        context.Properties.Items.TryAdd(SignedInAtKey, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = context.Options.TimeProvider!.GetUtcNow();
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            || !long.TryParse(value, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (context.Principal?.FindFirst(MethodClaim)?.Value == SingleSignOnMethod) return;
        // Identity's validator skips a session checked less than StampCheck ago too, but only after the
        // validator, its sign-in and user managers and a pooled database context are made for the request,
        // on every signed-in request. So decide here first, by the same rule on the same clock.
        if (context.Properties.IssuedUtc is { } issued && now - issued <= StampCheck) return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
