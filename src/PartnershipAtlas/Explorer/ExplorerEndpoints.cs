using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Persisted;
using PartnershipAtlas.Hosting;

namespace PartnershipAtlas.Explorer;

/// <summary>
/// The explorer web app (ExplorerApp, built into wwwroot/explorer by <c>dotnet build</c>): its page at <c>/</c> and at each
/// of its client-side routes (links to them get shared), its configuration, and its documents as persisted documents.
/// </summary>
public static class ExplorerEndpoints
{
    public const string IndexPath = "explorer/index.html";
    public const string ConfigPath = "/explorer/config.json";

    /// <summary>The app's own routes; the app answers an unknown id or URN with its not-found page.</summary>
    public static readonly string[] Routes = ["/", "/networks/{id}", "/schools/{urn}", "/overlaps"];

    public static IServiceCollection AddExplorer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExplorerOptions>(configuration.GetSection(ExplorerOptions.Section));
        services.AddSingleton<IPersistedDocumentSource, ExplorerDocuments>();
        return services;
    }

    public static WebApplication MapExplorer(this WebApplication app)
    {
        foreach (var route in Routes) app.MapGet(route, WritePageAsync);
        // Any other page a browser asks for: 404, with the app's not-found page (and its way back) as the body. GET and
        // HEAD only: another method on a GET-only route (POST /export/network) stays 405 Method Not Allowed.
        app.MapFallback("{*path:nonfile}", (HttpContext http, IWebHostEnvironment environment) =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                ? WritePageAsync(http, environment)
                : Task.CompletedTask;
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapGet(ConfigPath, (IOptions<ExplorerOptions> options) =>
            Results.Json(new { tileUrl = NullIfEmpty(options.Value.TileUrl), tileAttribution = NullIfEmpty(options.Value.TileAttribution) }));
        return app;
    }

    private static Task WritePageAsync(HttpContext http, IWebHostEnvironment environment) =>
        BuiltPage.WriteAsync(http, environment, IndexPath, "The explorer has not been built: run `dotnet build` (it needs node and npm).");

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
