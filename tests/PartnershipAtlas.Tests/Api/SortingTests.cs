using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// <c>order:</c> with several keys, both directions, nulls and a tiebreaker: walking every page forwards and backwards
/// gives the rows in the same order as sorting them in memory (nulls first, text by bytes, URN last).
/// </summary>
public sealed class SortingTests(Surrey2021Store imported) : IClassFixture<Surrey2021Store>
{
    private static readonly Comparer<string?> Bytes = Comparer<string?>.Create((a, b) => string.CompareOrdinal(a, b));

    public static TheoryData<string, string> Orders => new()
    {
        { "[{ phase: ASC }, { numberOfPupils: DESC }]", "phase numberOfPupils" },
        { "[{ laName: DESC, name: ASC }]", "laName name" },
        { "[{ openDate: DESC }]", "openDate" },
        { "[{ percentageFsm: ASC }, { name: DESC }]", "percentageFsm name" },
    };

    private List<int> Expected(string order) => order switch
    {
        "[{ phase: ASC }, { numberOfPupils: DESC }]" => imported.All.OrderBy(e => e.Phase, Bytes).ThenByDescending(e => e.NumberOfPupils).ThenBy(e => e.Urn).Select(e => e.Urn).ToList(),
        "[{ laName: DESC, name: ASC }]" => imported.All.OrderByDescending(e => e.LaName, Bytes).ThenBy(e => e.Name, Bytes).ThenBy(e => e.Urn).Select(e => e.Urn).ToList(),
        "[{ openDate: DESC }]" => imported.All.OrderByDescending(e => e.OpenDate).ThenBy(e => e.Urn).Select(e => e.Urn).ToList(),
        _ => imported.All.OrderBy(e => e.PercentageFsm).ThenByDescending(e => e.Name, Bytes).ThenBy(e => e.Urn).Select(e => e.Urn).ToList(),
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Pages_walked_forwards_and_backwards_follow_the_order(string order, string fields)
    {
        var client = imported.CreateClient();
        var forwards = new List<int>();
        string? cursor = null;
        do
        {
            var page = (await client.DataAsync($"query($after: String) {{ establishments(first: 97, after: $after, order: {order}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ urn {fields} }} }} }}", new { after = cursor }))["establishments"]!;
            forwards.AddRange(Urns(page));
            cursor = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);

        var backwards = new List<int>();
        do
        {
            var page = (await client.DataAsync($"query($before: String) {{ establishments(last: 89, before: $before, order: {order}) {{ pageInfo {{ hasPreviousPage startCursor }} nodes {{ urn }} }} }}", new { before = cursor }))["establishments"]!;
            backwards.InsertRange(0, Urns(page));
            cursor = page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>() ? page["pageInfo"]!["startCursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);

        var expected = Expected(order);
        Assert.Equal(expected, forwards);
        Assert.Equal(expected, backwards);
    }

    [Fact]
    public async Task More_than_ten_sort_keys_are_refused_and_the_server_stays_up()
    {
        var client = imported.CreateClient();
        var keys = string.Join(", ", Enumerable.Repeat("{ name: ASC }", 2000));

        var result = await client.QueryAsync($"{{ establishments(order: [{keys}]) {{ totalCount }} }}");
        var after = await client.DataAsync("{ __typename }");

        Assert.Equal("SORT_TOO_MANY_KEYS", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Query", after["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        var client = imported.CreateClient();
        var page = await client.DataAsync("{ establishments(first: 1, order: [{ name: ASC }]) { pageInfo { endCursor } } }");
        var cursor = page["establishments"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var other = await client.QueryAsync("query($c: String) { establishments(after: $c, order: [{ name: DESC }]) { totalCount } }", new { c = cursor });
        var unordered = await client.QueryAsync("query($c: String) { establishments(after: $c) { totalCount } }", new { c = cursor });

        Assert.Equal("HC0078", other["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("HC0078", unordered["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sorted_cursor_stays_valid_when_rows_are_inserted_before_it()
    {
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);
        var client = factory.CreateClient();
        const string Query = "query($after: String) { establishments(first: 50, after: $after, order: [{ name: ASC }]) { pageInfo { endCursor } nodes { urn name } } }";
        var first = (await client.DataAsync(Query, new { after = (string?)null }))["establishments"]!;
        var lastName = first["nodes"]!.AsArray()[^1]!["name"]!.GetValue<string>();
        var expected = await factory.WithStoreAsync(db => db.Establishments.Where(e => string.Compare(e.Name, lastName) > 0).OrderBy(e => e.Name).ThenBy(e => e.Urn).Select(e => e.Urn).Take(50).ToListAsync());

        await factory.WithStoreAsync(async db =>
        {
            db.Establishments.Add(new Establishment { Urn = 1, Name = "AAA inserted before the cursor" });
            return await db.SaveChangesAsync();
        });
        var next = (await client.DataAsync(Query, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["establishments"]!;

        Assert.Equal(expected, Urns(next));
    }

    [Fact]
    public async Task Members_sort_through_their_establishment()
    {
        var data = await imported.CreateClient().DataAsync("""
            { partnerships(first: 5, order: [{ kind: DESC }, { name: ASC }], where: { memberships: { any: true } }) { nodes { kind name
                members(first: 100, order: [{ establishment: { name: DESC } }]) { nodes { establishment { name } } } } } }
            """);

        var partnerships = data["partnerships"]!["nodes"]!.AsArray();
        var kinds = partnerships.Select(p => p!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(kinds.OrderByDescending(k => k.Replace("_", "", StringComparison.Ordinal), StringComparer.Ordinal), kinds);
        foreach (var partnership in partnerships)
        {
            var names = partnership!["members"]!["nodes"]!.AsArray().Select(m => m!["establishment"]!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);
        }
    }

    private static List<int> Urns(JsonNode connection) => connection["nodes"]!.AsArray().Select(n => n!["urn"]!.GetValue<int>()).ToList();
}
