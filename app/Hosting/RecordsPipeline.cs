using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using StudentRecords.App.Data;

namespace StudentRecords.App.Hosting;

/// <summary>The request pipeline and the start-up migration.</summary>
public static class RecordsPipeline
{
    public static WebApplication UseRecordsPipeline(this WebApplication app)
    {
        app.UseMiddleware<ProxyHttpsRedirectMiddleware>(); // before UseForwardedHeaders consumes the header
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error"); // no stack traces outside Development
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseStaticFiles(); // before authentication: stylesheets need no sign-in
        app.UseStatusCodePagesWithReExecute("/Status/{0}"); // 400 (a stale form), 403, 404 get a page that explains
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks(AppContract.LivenessPath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(AppContract.ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates, retrying while the database is unreachable (a task may start before it), for up to <paramref name="patience"/>.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, TimeSpan patience)
    {
        var logger = app.Logger;
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                using var scope = app.Services.CreateScope();
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RecordsDbContext>());
                logger.LogInformation("Database schema is up to date");
                return;
            }
            catch (Exception e) when (DatabaseFailure.IsUnavailable(e) && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("Database not reachable yet ({Message}); retrying in 2 s", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
