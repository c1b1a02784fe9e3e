using System.Net;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Hosting;

/// <summary>CORS is off unless <c>Atlas:Cors:AllowedOrigins</c> lists origins; only those are allowed; a credentialed wildcard never starts.</summary>
public sealed class CorsTests
{
    private const string Dashboard = "https://dashboards.example";

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> CrossOriginGetAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Fact]
    public async Task Cors_is_off_by_default()
    {
        await using var factory = new AtlasFactory();
        var client = factory.CreateClient();

        var preflight = await PreflightAsync(client, Dashboard);
        var get = await CrossOriginGetAsync(client, Dashboard);

        Assert.Null(AllowedOrigin(preflight));
        Assert.False(preflight.IsSuccessStatusCode, $"preflight answered {(int)preflight.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Null(AllowedOrigin(get));
    }

    [Fact]
    public async Task Only_listed_origins_are_allowed()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Cors:AllowedOrigins:0"] = Dashboard });
        var client = factory.CreateClient();

        var preflight = await PreflightAsync(client, Dashboard);
        var listed = await CrossOriginGetAsync(client, Dashboard);
        var other = await CrossOriginGetAsync(client, "https://evil.example");

        Assert.True(preflight.IsSuccessStatusCode, $"preflight answered {(int)preflight.StatusCode}");
        Assert.Equal(Dashboard, AllowedOrigin(preflight));
        Assert.Equal(Dashboard, AllowedOrigin(listed));
        Assert.Null(AllowedOrigin(other));
        Assert.False(listed.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_credentialed_wildcard_is_refused_at_start_up()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string>
        {
            ["Atlas:Cors:AllowedOrigins:0"] = "*",
            ["Atlas:Cors:AllowCredentials"] = "true",
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Atlas:Cors:AllowCredentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("credentialed wildcard", error.Message, StringComparison.Ordinal);
    }
}
