using Microsoft.Extensions.Options;

namespace PartnershipAtlas.Hosting.Security;

/// <summary>
/// Headers a security review checks first: <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy</c> on every
/// answer, and on every HTML page (the IDE, the explorer) a Content-Security-Policy that runs only the server's own
/// scripts: no inline or remote script, no eval; Monaco's workers from the server or blob URLs; inline styles (GraphiQL
/// and Monaco set style attributes); framing only as <c>Atlas:Security:FrameAncestors</c> allows.
/// </summary>
public sealed class SecurityHeaders(IOptions<SecurityOptions> options)
{
    public string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors {options.Value.FrameAncestors}");

    public Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = options.Value.ReferrerPolicy;
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                if (options.Value.FrameAncestors.Trim() == "'none'") headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next();
    }
}
