using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Establishments;

/// <summary>
/// The <c>establishments</c> connection's unfiltered pages in URN order are answered from the rows held in memory
/// (<see cref="HeldEstablishments"/>) without a statement once they are read: every page of a real export, its cursors,
/// counts and page info answer as the store's read does, and so do lookups by URN (filters and orders:
/// <see cref="HeldQueriesTests"/>); a field not declared reads the store;
/// and a school renamed, added or deleted is seen by the very next request, a cursor of the deleted one included.
/// </summary>
public sealed class HeldEstablishmentsTests
{
    /// <summary>Every field a held row answers, and a school's networks (from today's membership index).</summary>
    private static readonly string Declared = string.Join(" ", EstablishmentNarrowRead.Columns.ColumnsOf.Keys.Select(f => f switch
    {
        "memberships" => "memberships { role partnership { name } }",
        "partnerships" => "partnerships { name }",
        "links" or "predecessors" or "successors" => f + " { type direction }",
        _ => f,
    }));

    /// <summary>A field no held row answers (loaded by URN, not declared): its page reads whole rows from the store.</summary>
    private const string NotDeclared = "ofsted { rating }";

    private const string FromStore = "FROM \"Establishments\"";

    [Fact]
    public async Task Every_page_of_a_real_export_answers_from_memory_as_from_the_store()
    {
        await using var server = await ServerWithHeldRowsAsync();
        var client = server.CreateClient();

        server.Sql.Clear();
        var held = await AllPagesAsync(client, Declared);
        Assert.DoesNotContain(server.Sql, sql => sql.Contains(FromStore));
        server.Sql.Clear();
        var stored = await AllPagesAsync(client, Declared + " " + NotDeclared);
        Assert.Contains(server.Sql, sql => sql.Contains(FromStore));

        Assert.True(held.Count > 5, $"{held.Count} pages");
        Assert.True(held[0]["totalCount"]!.GetValue<int>() > 1000);
        Assert.Contains(held.SelectMany(p => p["edges"]!.AsArray()), e => e!["node"]!["partnerships"]!.AsArray().Count > 0);
        Assert.Equal(stored.Select(WithoutNotDeclared), held.Select(p => p.ToJsonString()));
    }

    [Fact]
    public async Task Lookups_by_urn_answer_from_memory_as_the_store_does()
    {
        await using var server = await ServerWithHeldRowsAsync();
        await using var withoutHeldRows = new SqlRecordingFactory
        {
            Settings = new Dictionary<string, string> { ["Atlas:Limits:MaxCost"] = "100000", ["Atlas:Limits:CostPerMinute"] = "0", [HeldEstablishments.EnabledKey] = "false" },
        };
        await withoutHeldRows.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var urn = Urn((await PageAsync(server.CreateClient(), null, "urn"))["edges"]![3]);
        var query = $$"""
            { partnerships(first: 40, kinds: [LOCAL_AUTHORITY, MULTI_ACADEMY_TRUST]) { nodes { name members(first: 15) { nodes { role establishment { {{Declared}} } } } } }
              establishment(urn: {{urn}}) { urn name postcode }
              missing: establishment(urn: 1) { urn } }
            """;

        server.Sql.Clear();
        var fromMemory = await server.CreateClient().DataAsync(query);
        Assert.DoesNotContain(server.Sql, sql => sql.Contains(FromStore));
        withoutHeldRows.Sql.Clear();
        var fromStore = await withoutHeldRows.CreateClient().DataAsync(query);
        Assert.Contains(withoutHeldRows.Sql, sql => sql.Contains(FromStore));

        Assert.Equal(urn, fromMemory["establishment"]!["urn"]!.GetValue<int>());
        Assert.Null(fromMemory["missing"]);
        Assert.True(fromMemory["partnerships"]!["nodes"]!.AsArray().Sum(p => p!["members"]!["nodes"]!.AsArray().Count(m => m!["establishment"] is not null)) > 100);
        Assert.Equal(fromStore.ToJsonString(), fromMemory.ToJsonString());
    }

    [Theory]
    [InlineData("where: { phase: { eq: \"Primary\" } },")]
    [InlineData("order: [{ name: ASC }],")]
    [InlineData("last: 5,")]
    public async Task A_filter_an_order_or_a_backward_page_answers_from_memory_too(string arguments)
    {
        await using var server = await ServerWithHeldRowsAsync();
        var client = server.CreateClient();

        server.Sql.Clear();
        var data = await client.DataAsync($$"""{ establishments({{arguments}}) { nodes { urn name } } }""");

        Assert.DoesNotContain(server.Sql, sql => sql.Contains(FromStore));
        Assert.NotEmpty(data["establishments"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_school_renamed_added_or_deleted_is_seen_by_the_next_request()
    {
        await using var server = await ServerWithHeldRowsAsync();
        var client = server.CreateClient();
        var before = (await PageAsync(client, null, "urn name"))["edges"]!.AsArray();
        var (first, second) = (Urn(before[0]!), Urn(before[1]!));
        var cursorOfSecond = before[1]!["cursor"]!.GetValue<string>();

        await server.WithStoreAsync(async db =>
        {
            (await db.Establishments.SingleAsync(e => e.Urn == first)).Name = "Renamed by the held rows test";
            db.Establishments.Add(new Establishment { Urn = first - 1, Name = "Added by the held rows test" });
            db.Memberships.RemoveRange(await db.Memberships.Where(m => m.EstablishmentUrn == second).ToListAsync());
            db.Establishments.Remove(await db.Establishments.SingleAsync(e => e.Urn == second));
            return await db.SaveChangesAsync();
        });
        var justAfter = await BothWaysAsync();
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
        server.Sql.Clear();
        var fromMemory = await BothWaysAsync();
        Assert.DoesNotContain(server.Sql, sql => sql.Contains(FromStore));

        Assert.Equal(justAfter, fromMemory);
        var firstPage = JsonNode.Parse(fromMemory.First)!["edges"]!.AsArray();
        Assert.Equal([first - 1, first, Urn(before[2]!)], firstPage.Take(3).Select(Urn));
        Assert.Equal(["Added by the held rows test", "Renamed by the held rows test"], firstPage.Take(2).Select(e => e!["node"]!["name"]!.GetValue<string>()));
        Assert.Equal(Urn(before[2]!), Urn(JsonNode.Parse(fromMemory.AfterDeleted)!["edges"]![0]!));

        async Task<(string First, string AfterDeleted)> BothWaysAsync() =>
            ((await PageAsync(client, null, "urn name")).ToJsonString(), (await PageAsync(client, cursorOfSecond, "urn name")).ToJsonString());
    }

    /// <summary>A real export imported, and its rows read into memory (a first page asks for them; the store answers it).</summary>
    private static async Task<SqlRecordingFactory> ServerWithHeldRowsAsync()
    {
        var server = new SqlRecordingFactory
        {
            Settings = new Dictionary<string, string> { ["Atlas:Limits:MaxCost"] = "100000", ["Atlas:Limits:CostPerMinute"] = "0" },
        };
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        await server.CreateClient().DataAsync("{ establishments(first: 1) { nodes { urn } } }");
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
        return server;
    }

    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string fields)
    {
        var pages = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = await PageAsync(client, after, fields, size: 100);
            pages.Add(page);
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return pages;
    }

    private static async Task<JsonNode> PageAsync(HttpClient client, string? after, string fields, int size = 20) =>
        (await client.DataAsync($$"""
            query($after: String, $size: Int) { establishments(first: $size, after: $after) {
              totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { {{fields}} } } } }
            """, new { after, size }))["establishments"]!;

    private static int Urn(JsonNode? edge) => edge!["node"]!["urn"]!.GetValue<int>();

    private static string WithoutNotDeclared(JsonNode page)
    {
        var copy = page.DeepClone();
        foreach (var edge in copy["edges"]!.AsArray()) edge!["node"]!.AsObject().Remove("ofsted");
        return copy.ToJsonString();
    }
}
