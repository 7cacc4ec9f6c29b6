using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;

namespace StudentRecords.App.Identity;

/// <summary>
/// Managing staff accounts, for the <c>users</c> command and the administrators' page alike. Every
/// refusal is one sentence and changes nothing; every change is logged as a security event.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RecordsDbContext db, TimeProvider clock, ILogger<StaffAccounts> logger)
{
    public const int EmailMaxLength = 254;

    public sealed record Account(string Email, string Role, bool Disabled, DateTimeOffset? LockedOutUntil);

    public async Task<string?> AddAsync(string email, string role, string password, string actor)
    {
        email = Normalise(email);
        if (ProblemWithEmail(email) is { } badEmail) return badEmail;
        if (ProblemWithRole(ref role) is { } badRole) return badRole;
        if (await users.FindByEmailAsync(email) is not null) return $"A user with the e-mail {email} already exists.";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } weak)
                return $"The password is too weak: {Describe(weak)}";
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return $"The user was not created: {Describe(created)}";
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user); // nothing half-made stays behind
            return $"The user was not created: {Describe(added)}";
        }
        logger.UserChanged(SecurityEvents.UserAdded, email, actor, $" as {role}");
        return null;
    }

    public async Task<IReadOnlyList<Account>> ListAsync()
    {
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!);
        var rolesOf = (await db.UserRoles.ToListAsync()).ToLookup(r => r.UserId, r => roleNames.GetValueOrDefault(r.RoleId, r.RoleId));
        var everyone = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToListAsync();
        var now = clock.GetUtcNow();
        return everyone
            .Select(u => new Account(u.Email!, string.Join(",", rolesOf[u.Id].Order(StringComparer.Ordinal)), u.IsDisabled, u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    public async Task<string?> SetRoleAsync(string email, string role, string actor)
    {
        if (ProblemWithRole(ref role) is { } problem) return problem;
        if (await FindAsync(email) is not { } user) return NoSuchUser(email);
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role])) return null;
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded) return $"The role was not changed: {Describe(added)}";
        // No new stamp: live sessions are not ended but re-read their roles at the next stamp check.
        logger.UserChanged(SecurityEvents.UserRoleChanged, user.Email!, actor, $" to {role}");
        return null;
    }

    public async Task<string?> SetDisabledAsync(string email, bool disabled, string actor)
    {
        if (await FindAsync(email) is not { } user) return NoSuchUser(email);
        if (user.IsDisabled == disabled) return null;
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return $"The user was not changed: {Describe(updated)}";
        await users.UpdateSecurityStampAsync(user); // ends the user's live sessions within SessionLifetime.StampCheck
        logger.UserChanged(disabled ? SecurityEvents.UserDisabled : SecurityEvents.UserEnabled, user.Email!, actor, "");
        return null;
    }

    private Task<StaffUser?> FindAsync(string email) => users.FindByEmailAsync(Normalise(email));

    private static string Normalise(string email) => email.Trim().ToLowerInvariant();

    private static string NoSuchUser(string email) => $"There is no user with the e-mail {Normalise(email)}.";

    private static string? ProblemWithEmail(string email) =>
        email.Length > EmailMaxLength ? $"The e-mail is longer than {EmailMaxLength} characters."
        : MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.') ? null
        : $"'{email}' is not an e-mail address.";

    /// <summary>Null when <paramref name="role"/> names one of the roles (and sets its spelling); the problem otherwise.</summary>
    private static string? ProblemWithRole(ref string role)
    {
        if (StaffRoles.Find(role) is { } known)
        {
            role = known;
            return null;
        }
        return $"Unknown role '{role}'; valid roles: {string.Join(", ", StaffRoles.All)}.";
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
