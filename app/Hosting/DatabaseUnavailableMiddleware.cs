namespace StudentRecords.App.Hosting;

/// <summary>
/// Answers 503 with a friendly page while the database is unreachable. Nothing is cached or latched:
/// the next request tries again, so the app recovers by itself when the database returns.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseFailure.IsUnavailable(e) && !context.Response.HasStarted)
        {
            logger.LogWarning(e, "Database unavailable for {Path}", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(UnavailablePage);
        }
    }

    private const string UnavailablePage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable - Student Records</title>
        <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"></head>
        <body class="container py-5"><h1 class="h3">Student Records is temporarily unavailable</h1>
        <p>The records database cannot be reached right now. Nothing you entered was saved. Please try again in a minute.</p>
        <p><a class="btn btn-primary" href="/Students">Try again</a></p></body></html>
        """;
}
