namespace PartnershipAtlas.Hosting;

/// <summary>An HTML page that <c>dotnet build</c> writes into wwwroot from an npm project (the IDE, the explorer).</summary>
public static class BuiltPage
{
    /// <summary>Writes wwwroot/<paramref name="indexPath"/> (with the response's status, 200 unless set), or 503 with <paramref name="missing"/> when it was never built.</summary>
    public static async Task WriteAsync(HttpContext http, IWebHostEnvironment environment, string indexPath, string missing)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(indexPath);
        if (!file.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(missing, http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await using var stream = file.CreateReadStream();
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
