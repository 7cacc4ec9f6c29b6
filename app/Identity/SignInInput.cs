using System.ComponentModel.DataAnnotations;

namespace StudentRecords.App.Identity;

/// <summary>The sign-in form, with limits that refuse an over-long field before any lookup.</summary>
public sealed class SignInInput
{
    public const int PasswordMaxLength = 256;

    [Required, Display(Name = "E-mail")]
    [StringLength(StaffAccounts.EmailMaxLength, ErrorMessage = "The e-mail can be at most {1} characters.")]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password)]
    [StringLength(PasswordMaxLength, ErrorMessage = "The password can be at most {1} characters.")]
    public string Password { get; set; } = "";
}
