using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Pages.Account;

/// <summary>
/// Signs staff in with a local account, or hands them to the institution's sign-on. Every refusal
/// reads the same, so the page never tells whether an account exists, is locked or is disabled.
/// </summary>
public sealed class SignInModel(SignInManager<StaffUser> signIn, ILogger<SignInModel> logger, IServiceProvider services) : PageModel
{
    public const string Refusal = "That e-mail and password did not sign you in. After 5 failed attempts an account is locked for 15 minutes; if you cannot sign in, ask an administrator.";
    public const string SingleSignOnRefusal = "Institutional sign-on did not sign you in: your account there grants no role in Student Records, or the sign-in could not be verified.";

    /// <summary>A hash to check unknown names against, so they take as long as a wrong password.</summary>
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SingleSignOnOffered => services.GetService<SingleSignOnSettings>() is not null;

    public void OnGet()
    {
        if (Request.Query.ContainsKey("sso")) ModelState.AddModelError("", SingleSignOnRefusal);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        if (await signIn.UserManager.FindByEmailAsync(email) is not { } user)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownUserHash.Value, Input.Password);
            return Refused("(unknown)", "unknown-user");
        }
        var wasLockedOut = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.SignedIn(SecurityEvents.SignInSucceeded, user.Email!, "password");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Students");
        }
        if (result.IsLockedOut && !wasLockedOut) logger.SignInRefused(SecurityEvents.AccountLocked, user.Email!, "too many failed attempts");
        return Refused(user.Email!, result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "disabled" : "wrong-password");
    }

    /// <summary>Hands the browser to the identity provider; it comes back signed in through /signin-oidc.</summary>
    public IActionResult OnGetSingleSignOn() => SingleSignOnOffered
        ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Students" }, SingleSignOn.Scheme)
        : NotFound();

    private PageResult Refused(string user, string reason)
    {
        logger.SignInRefused(SecurityEvents.SignInFailed, user, reason);
        ModelState.AddModelError("", Refusal);
        Input.Password = "";
        return Page();
    }
}
