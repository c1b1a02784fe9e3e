using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// What a person and the spec see on a real port: headless Chromium opens the IDE, runs a query and reads its result;
/// graphql-http's serverAudits (the GraphQL over HTTP spec's own audit suite) pass with no warning and no error.
/// </summary>
public sealed class BrowserAndSpecAuditTests : IAsyncLifetime
{
    private readonly AtlasFactory factory = new();
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        baseUrl = factory.StartOnLoopback();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_ide_runs_a_query_in_a_real_browser_and_shows_the_result()
    {
        var screenshot = Path.Combine(Path.GetTempPath(), "partnership-atlas-ide.png");

        var (exitCode, output) = await NodeTool.RunAsync("ide-check.mjs", baseUrl, screenshot);

        Assert.True(exitCode == 0, output);
        Assert.Contains("\\\"totalCount\\\": 1096", output); // the 2022 export alone (this store has no default data)
    }

    [Fact]
    public async Task Every_graphql_over_http_audit_passes()
    {
        var (exitCode, output) = await NodeTool.RunAsync("http-audit.mjs", baseUrl + "/graphql");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"warn\":0,\"error\":0", output);
    }
}
