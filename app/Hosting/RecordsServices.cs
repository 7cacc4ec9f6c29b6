using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Data;
using StudentRecords.App.Identity;
using StudentRecords.App.Students;

namespace StudentRecords.App.Hosting;

/// <summary>Everything Program.cs registers, grouped by concern.</summary>
public static class RecordsServices
{
    public static IServiceCollection AddRecordsDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.MySql)
            services.AddDbContextPool<RecordsDbContext, MySqlRecordsDbContext>(options => UseMySql(options, settings,
                mysql => mysql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorNumbersToAdd: null)));
        else
            services.AddDbContextPool<RecordsDbContext, SqliteRecordsDbContext>(options => options.UseSqlite(settings.ConnectionString));
        services.AddSingleton(new StreamingReads(settings.Provider == DatabaseProvider.MySql
            ? UseMySql(new DbContextOptionsBuilder<MySqlRecordsDbContext>(), settings, _ => { }).Options
            : new DbContextOptionsBuilder<SqliteRecordsDbContext>().UseSqlite(settings.ConnectionString).Options));
        services.AddSingleton(TimeProvider.System).AddSingleton<StudentTotal>();
        services.AddDataProtection().SetApplicationName("student-records").PersistKeysToDbContext<RecordsDbContext>();
        return services;
    }

    private static T UseMySql<T>(T options, DatabaseSettings settings, Action<Microsoft.EntityFrameworkCore.Infrastructure.MySqlDbContextOptionsBuilder> mysql) where T : DbContextOptionsBuilder
    {
        options.UseMySql(settings.ConnectionString, new MySqlServerVersion(DatabaseSettings.MySqlVersion), mysql);
        return options;
    }

    public static IServiceCollection AddRecordsWeb(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)); // "Zoë", not "Zo&#xEB;", in the page source
        var pages = services.AddRazorPages(options =>
        {
            // Every page needs a role (StaffPolicies' fallback catches a page left out here); the
            // handlers that change records need more. Only signing in and out is open.
            options.Conventions.AuthorizeFolder("/", StaffPolicies.Read);
            options.Conventions.AuthorizePage("/Students/Create", StaffPolicies.Change);
            options.Conventions.AuthorizePage("/Students/Edit", StaffPolicies.Change);
            options.Conventions.AuthorizePage("/Students/Delete", StaffPolicies.Change);
            options.Conventions.AuthorizePage("/Students/Import", StaffPolicies.Bulk);
            options.Conventions.AuthorizePage("/Students/Export", StaffPolicies.Bulk);
            options.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Administer);
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Status");
        });
        services.AddScoped<StaffAccounts>();
#if DEBUG // the package is in Debug builds only (StudentRecords.App.csproj)
        if (environment.IsDevelopment()) pages.AddRazorRuntimeCompilation();
#endif
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the ALB can reach the tasks (security group), so its forwarded headers are trusted.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
