using Microsoft.Extensions.FileProviders;

namespace PartnershipAtlas.Api.Http;

/// <summary>The GraphiQL page, built from ClientApp into wwwroot/ide by <c>dotnet build</c> and served with no CDN.</summary>
public sealed class IdePage(IWebHostEnvironment environment)
{
    public const string IndexPath = "ide/index.html";

    public async Task WriteAsync(HttpContext http)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(IndexPath);
        if (!file.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The GraphiQL IDE has not been built: run `dotnet build` (it needs node and npm).", http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await using var stream = file.CreateReadStream();
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
