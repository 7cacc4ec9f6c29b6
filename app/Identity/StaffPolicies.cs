using Microsoft.AspNetCore.Authorization;

namespace StudentRecords.App.Identity;

/// <summary>What each role may do, as authorization policies the pages are bound to (RecordsServices).</summary>
public static class StaffPolicies
{
    public const string Read = "read-records";
    public const string Change = "change-records";
    public const string Administer = "administer";

    /// <summary>Importing and exporting many records at once: the roles that may change records, since an export takes them out.</summary>
    public const string Bulk = "bulk-records";

    public static void AddTo(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.RequireRole(StaffRoles.All));
        options.AddPolicy(Change, policy => policy.RequireRole(StaffRoles.ChangeRecords));
        options.AddPolicy(Bulk, policy => policy.RequireRole(StaffRoles.ChangeRecords));
        options.AddPolicy(Administer, policy => policy.RequireRole(StaffRoles.Administrator));
        // Anything not bound to a policy (a page added later and forgotten) still needs a reader.
        options.FallbackPolicy = options.GetPolicy(Read);
    }
}
