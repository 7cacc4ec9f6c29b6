using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Pages.Account;

/// <summary>Asks, then ends the session by POST only (a link or an image cannot sign anyone out), and every copy of it within a minute.</summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn, ILogger<SignOutModel> logger) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            logger.SignedIn(SecurityEvents.SignedOut, User.Identity.Name ?? "", "sign-out");
            // A copy of the cookie (another device, or a stolen one) stops working at its next stamp check too.
            if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn");
    }
}
