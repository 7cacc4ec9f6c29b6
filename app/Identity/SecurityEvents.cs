namespace StudentRecords.App.Identity;

/// <summary>
/// Sign-in and user-management events, logged with a stable <c>event</c> field (in the JSON logs:
/// <c>State.event</c>) that CloudWatch metric filters count. Never a password or a secret.
/// </summary>
public static partial class SecurityEvents
{
    public const string SignInSucceeded = "sign-in-succeeded";
    public const string SignInFailed = "sign-in-failed";
    public const string AccountLocked = "account-locked";
    public const string SignedOut = "signed-out";
    public const string UserAdded = "user-added";
    public const string UserRoleChanged = "user-role-changed";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";

    [LoggerMessage(Level = LogLevel.Information, Message = "{event}: {user} via {method}")]
    public static partial void SignedIn(this ILogger logger, string @event, string user, string method);

    /// <param name="user">The account's e-mail when it exists; "(unknown)" otherwise, since an unknown name may be a mistyped password.</param>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{event}: {user} ({reason})")]
    public static partial void SignInRefused(this ILogger logger, string @event, string user, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{event}: {user} by {actor}{detail}")]
    public static partial void UserChanged(this ILogger logger, string @event, string user, string actor, string detail);
}
