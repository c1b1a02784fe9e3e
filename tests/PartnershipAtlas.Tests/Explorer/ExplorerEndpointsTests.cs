using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Explorer;

/// <summary>What the server does for the explorer: its page on its routes, its configuration, its documents persisted.</summary>
public sealed class ExplorerEndpointsTests
{
    private static readonly string Documents = Path.Combine(RealData.RepositoryRoot, "src", "PartnershipAtlas", "wwwroot", "explorer", "documents");

    private static async Task<HttpResponseMessage> GetHtmlAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Every_client_route_answers_the_explorer_and_the_server_routes_stay_theirs()
    {
        await using var factory = new AtlasFactory();
        var client = factory.CreateClient();

        foreach (var path in new[] { "/", "/networks/UGFydG5lcnNoaXA6MQ==", "/schools/136888", "/overlaps", "/overlaps?asOf=2019-09-01" })
        {
            using var response = await GetHtmlAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<title>PartnershipAtlas Explorer</title>", await response.Content.ReadAsStringAsync());
        }
        using (var ide = await GetHtmlAsync(client, "/graphql")) Assert.Contains("GraphQL IDE", await ide.Content.ReadAsStringAsync());
        using (var health = await client.GetAsync("/health/live")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var export = await client.GetAsync("/export/network?format=csv")) Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_is_404_with_the_explorers_not_found_page_for_a_browser_only()
    {
        await using var factory = new AtlasFactory();
        var client = factory.CreateClient();

        using var browser = await GetHtmlAsync(client, "/no/such/page");
        using var script = await client.GetAsync("/no/such/page");
        using var asset = await GetHtmlAsync(client, "/explorer/assets/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, browser.StatusCode);
        Assert.Contains("<title>PartnershipAtlas Explorer</title>", await browser.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Empty(await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        Assert.Empty(await asset.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/export/network")]
    [InlineData("PUT", "/explorer/config.json")]
    [InlineData("DELETE", "/networks/UGFydG5lcnNoaXA6MQ==")]
    public async Task Another_method_on_a_get_only_route_stays_405_not_the_fallbacks_404(string method, string path)
    {
        await using var factory = new AtlasFactory();

        using var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(HttpMethod.Get.Method, response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://tiles.example.org/{z}/{x}/{y}.png", "© Example")]
    public async Task The_config_names_the_tile_layer_when_one_is_configured(string? tileUrl, string? attribution)
    {
        var settings = new Dictionary<string, string>();
        if (tileUrl is not null) settings["Atlas:Explorer:TileUrl"] = tileUrl;
        if (attribution is not null) settings["Atlas:Explorer:TileAttribution"] = attribution;
        await using var factory = new ConfiguredAtlasFactory(settings);

        var config = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/explorer/config.json");

        Assert.Equal(tileUrl, config!["tileUrl"]?.GetValue<string>());
        Assert.Equal(attribution, config["tileAttribution"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_explorers_documents_run_by_id_when_only_persisted_documents_are_allowed()
    {
        var files = Directory.GetFiles(Documents, "*.graphql");
        Assert.NotEmpty(files);
        var landscape = files.Single(f => File.ReadAllText(f).Contains("query ExplorerLandscape", StringComparison.Ordinal));
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:PersistedDocuments:OnlyPersisted"] = "true" });
        var client = factory.CreateClient();

        using var byId = await client.PostAsJsonAsync("/graphql", new { documentId = "sha256:" + Path.GetFileNameWithoutExtension(landscape), variables = new { asOf = "2022-04-20" } });
        using var byText = await client.PostAsJsonAsync("/graphql", new { query = File.ReadAllText(landscape) });
        var answer = JsonNode.Parse(await byId.Content.ReadAsStringAsync())!;

        Assert.True(byId.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        Assert.Null(answer["errors"]);
        Assert.NotNull(answer["data"]?["matrix"]);
        Assert.Contains("HC0067", await byText.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_apps_own_javascript_is_under_500_kB_gzipped()
    {
        var assets = Path.Combine(RealData.RepositoryRoot, "src", "PartnershipAtlas", "wwwroot", "explorer", "assets");
        var scripts = Directory.GetFiles(assets, "*.js").Where(f => !Path.GetFileName(f).StartsWith("mapBench", StringComparison.Ordinal)).ToList();

        var gzipped = scripts.Sum(f =>
        {
            using var buffer = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(File.ReadAllBytes(f));
            return buffer.Length;
        });

        Assert.NotEmpty(scripts);
        Assert.True(gzipped < 500 * 1024, $"{gzipped / 1024} kB gzipped in {scripts.Count} files");
    }
}
