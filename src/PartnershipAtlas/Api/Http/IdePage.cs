using PartnershipAtlas.Hosting;

namespace PartnershipAtlas.Api.Http;

/// <summary>The GraphiQL page, built from ClientApp into wwwroot/ide by <c>dotnet build</c> and served with no CDN.</summary>
public sealed class IdePage(IWebHostEnvironment environment)
{
    public const string IndexPath = "ide/index.html";

    public Task WriteAsync(HttpContext http) =>
        BuiltPage.WriteAsync(http, environment, IndexPath, "The GraphiQL IDE has not been built: run `dotnet build` (it needs node and npm).");
}
