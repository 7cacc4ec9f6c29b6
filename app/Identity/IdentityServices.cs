using Microsoft.AspNetCore.Identity;
using StudentRecords.App.Data;

namespace StudentRecords.App.Identity;

/// <summary>Accounts, sessions, roles and the optional single sign-on, registered for Program.cs.</summary>
public static class IdentityServices
{
    public const string SignInPath = "/Account/SignIn";

    public static IServiceCollection AddRecordsIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                // Length is what makes a password strong (NIST SP 800-63B); no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<RecordsDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionLifetime.StampCheck);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "srp-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest; // Secure whenever the viewer used HTTPS
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = SessionLifetime.Idle;
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/Account/SignOut";
            options.Events.OnSigningIn = SessionLifetime.OnSigningIn;
            options.Events.OnValidatePrincipal = SessionLifetime.OnValidatePrincipal;
            // A signed-in user without the role gets 403 where it asked (the status page explains), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(StaffPolicies.AddTo);
        if (SingleSignOnSettings.From(configuration) is { } singleSignOn)
            services.AddSingleton(singleSignOn).AddAuthentication().AddRecordsSingleSignOn(singleSignOn);
        return services;
    }
}
