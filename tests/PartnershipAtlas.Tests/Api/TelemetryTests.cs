using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>The Prometheus scrape endpoint shows GraphQL requests and import rows as they happen.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_count_graphql_requests_and_imported_rows()
    {
        await using var factory = new AtlasFactory();
        var client = factory.CreateClient();
        await factory.ImportAsync("gias-establishments", RealData.GiasNarrow2021);
        await client.DataAsync("query Dashboard { establishments { totalCount } }");

        // ASP.NET Core records a request's duration once the request has ended, which can be just after the client has
        // the whole answer (written in one piece with its Content-Length): scrape until it shows.
        var metrics = "";
        await Eventually.WaitForAsync(async () => (metrics = await client.GetStringAsync("/metrics")).Contains("http_server_request_duration_seconds", StringComparison.Ordinal));

        Assert.Contains("atlas_graphql_requests_total{", metrics);
        // Other tests in this process may import too while this server listens: at least this import's rows are counted.
        var inserted = System.Text.RegularExpressions.Regex.Match(metrics, "atlas_import_rows_total\\{[^}]*dataset=\"gias-establishments\"[^}]*outcome=\"inserted\"[^}]*\\} (\\d+)");
        Assert.True(inserted.Success, metrics);
        Assert.True(long.Parse(inserted.Groups[1].Value) >= 729);
        Assert.Contains("http_server_request_duration_seconds", metrics);
    }
}
