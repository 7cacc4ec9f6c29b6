using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StudentRecords.App.Identity;

namespace StudentRecords.App.Pages.Admin;

/// <summary>Staff accounts for Administrators: the same operations, and refusals, as the <c>users</c> command.</summary>
public sealed class UsersModel(StaffAccounts accounts) : PageModel
{
    public IReadOnlyList<StaffAccounts.Account> Accounts { get; private set; } = [];

    [BindProperty, Required, StringLength(StaffAccounts.EmailMaxLength), Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty, Required]
    public string Role { get; set; } = StaffRoles.Viewer;

    [BindProperty, StringLength(SignInInput.PasswordMaxLength), DataType(DataType.Password)]
    public string? Password { get; set; }

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    public Task<IActionResult> OnPostAddAsync() => ActAsync(() => accounts.AddAsync(Email, Role, Password ?? "", Actor), $"Added {Email}.");

    public Task<IActionResult> OnPostRoleAsync() => ActAsync(() => accounts.SetRoleAsync(Email, Role, Actor), $"{Email} is now {Role}.");

    public Task<IActionResult> OnPostDisableAsync() => ActAsync(() => accounts.SetDisabledAsync(Email, true, Actor), $"Disabled {Email}.");

    public Task<IActionResult> OnPostEnableAsync() => ActAsync(() => accounts.SetDisabledAsync(Email, false, Actor), $"Enabled {Email}.");

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> ActAsync(Func<Task<string?>> action, string done)
    {
        if (ModelState.IsValid && await action() is { } problem) ModelState.AddModelError("", problem);
        if (!ModelState.IsValid)
        {
            Password = null;
            Accounts = await accounts.ListAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData["Message"] = done;
        return RedirectToPage();
    }
}
