using Microsoft.AspNetCore.Identity;

namespace StudentRecords.App.Identity;

/// <summary>A member of staff with a local account. The e-mail is the user name.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Disabled accounts cannot sign in, and their live sessions end at the next stamp check.</summary>
    public bool IsDisabled { get; set; }
}
