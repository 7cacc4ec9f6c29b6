using Microsoft.AspNetCore.Http.Extensions;

namespace StudentRecords.App.Hosting;

/// <summary>
/// Sends a browser to HTTPS when the proxy in front (ALB, CloudFront) says the request arrived over HTTP.
/// Requests without the proxy's header (health checks, `dotnet run` on a laptop) are left alone.
/// </summary>
public sealed class ProxyHttpsRedirectMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var proto = context.Request.Headers["X-Forwarded-Proto"].ToString();
        if (!proto.Equals("http", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/health"))
            return next(context);

        var request = context.Request;
        context.Response.Redirect(UriHelper.BuildAbsolute("https", request.Host, request.PathBase, request.Path, request.QueryString), permanent: true, preserveMethod: true);
        return Task.CompletedTask;
    }
}
