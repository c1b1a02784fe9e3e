using System.Net.Http.Json;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Hosting;

/// <summary>The headers a security review checks first, on the real endpoint: nosniff and Referrer-Policy everywhere, a CSP on every HTML page, framing refused unless configured.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly AtlasFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/")]
    public async Task Html_pages_allow_only_the_servers_own_scripts_and_refuse_framing(string path)
    {
        var response = await GetAsync(factory.CreateClient(), path, "text/html");
        var policy = Header(response, "Content-Security-Policy");

        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("worker-src 'self' blob:", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("GET", "/graphql?query=%7B__typename%7D")]
    [InlineData("POST", "/graphql")]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("DELETE", "/graphql")]
    public async Task Every_answer_says_nosniff_and_its_referrer_policy(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = JsonContent.Create(new { query = "{ __typename }" });
        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Configured_frame_ancestors_replace_none()
    {
        await using var configured = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Security:FrameAncestors"] = "'self' https://intranet.example" });

        var response = await GetAsync(configured.CreateClient(), "/graphql", "text/html");

        Assert.Contains("frame-ancestors 'self' https://intranet.example", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("", Header(response, "X-Frame-Options"));
    }
}
