using System.Text.Json.Nodes;
using PartnershipAtlas.Establishments;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>Cursor connections: forwards, backwards, the page-size limit, and cursors that survive inserts.</summary>
public sealed class PagingTests(PagingTests.Imported imported) : IClassFixture<PagingTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public Task InitializeAsync() => ImportAsync("gias-establishments", RealData.GiasSurrey2021);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Page = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { urn }";

    private static int[] Urns(JsonNode connection) => connection["nodes"]!.AsArray().Select(n => n!["urn"]!.GetValue<int>()).ToArray();

    [Fact]
    public async Task Forward_pages_follow_on_and_backward_pages_lead_back()
    {
        var client = imported.CreateClient();
        var all = await client.DataAsync("{ establishments(first: 30) { nodes { urn } } }");
        var first = (await client.DataAsync($"{{ establishments(first: 10) {{ {Page} }} }}"))["establishments"]!;
        var second = (await client.DataAsync($"query($after: String) {{ establishments(first: 10, after: $after) {{ {Page} }} }}",
            new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["establishments"]!;
        var back = (await client.DataAsync($"query($before: String) {{ establishments(last: 10, before: $before) {{ {Page} }} }}",
            new { before = second["pageInfo"]!["startCursor"]!.GetValue<string>() }))["establishments"]!;

        var expected = Urns(all["establishments"]!);
        Assert.Equal(expected[..10], Urns(first));
        Assert.Equal(expected[10..20], Urns(second));
        Assert.Equal(expected[..10], Urns(back));
        Assert.False(first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.True(back["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(back["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_last_page_says_there_is_no_next_page_and_counts_are_whole()
    {
        var data = await imported.CreateClient().DataAsync("{ establishments(last: 5) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { urn } } }");

        var connection = data["establishments"]!;
        Assert.Equal(590, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(5, connection["nodes"]!.AsArray().Count);
        Assert.True(connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_default_page_is_20()
    {
        var data = await imported.CreateClient().DataAsync("{ establishments { nodes { urn } } }");

        Assert.Equal(20, data["establishments"]!["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("first: 101", "HC0051")]
    [InlineData("last: 500", "HC0051")]
    [InlineData("first: -1", "HC0079")]
    [InlineData("after: \"garbage\"", "HC0078")]
    public async Task Bad_paging_arguments_are_graphql_errors(string arguments, string code)
    {
        var result = await imported.CreateClient().QueryAsync($"{{ establishments({arguments}) {{ nodes {{ urn }} }} }}");

        Assert.Equal(code, result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(result["data"]!["establishments"]);
    }

    [Fact]
    public async Task A_cursor_stays_valid_when_rows_are_inserted_before_it()
    {
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);
        var client = factory.CreateClient();
        var first = (await client.DataAsync($"{{ establishments(first: 100) {{ {Page} }} }}"))["establishments"]!;
        var cursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var last = Urns(first).Max();
        var before = await factory.WithStoreAsync(db => db.Establishments.CountAsync(e => e.Urn <= last));

        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var next = Urns((await client.DataAsync($"query($after: String) {{ establishments(first: 5, after: $after) {{ {Page} }} }}", new { after = cursor }))["establishments"]!);

        Assert.True(await factory.WithStoreAsync(db => db.Establishments.CountAsync(e => e.Urn <= last)) > before, "the second file should add rows before the cursor");
        Assert.Equal(await factory.WithStoreAsync(db => db.Establishments.Where(e => e.Urn > last).OrderBy(e => e.Urn).Select(e => e.Urn).Take(5).ToArrayAsync()), next);
    }
}
