using System.Net;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>Liveness, and readiness that turns unhealthy when a watched dataset has not been imported recently enough.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_answers_and_ready_checks_the_store()
    {
        await using var factory = new AtlasFactory();
        var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["store"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_fails_while_a_watched_dataset_is_stale_and_passes_after_an_import()
    {
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string> { ["Atlas:Health:MaxImportAge:gias-establishments"] = "1.00:00:00" } };
        var client = factory.CreateClient();

        using var before = await client.GetAsync("/health/ready");
        await factory.ImportAsync("gias-establishments", RealData.GiasNarrow2021);
        using var after = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("gias-establishments", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
