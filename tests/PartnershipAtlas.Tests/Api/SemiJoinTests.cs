using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// A root connection's <c>some</c> condition in the client's order runs as <c>IN (SELECT …)</c> and answers exactly as
/// the <c>EXISTS</c> it replaces: each filter below is asked as it is and with a condition that is always true on the
/// establishment's URN (a column that leads an index, which keeps the <c>EXISTS</c>), and the two answers, pages and
/// counts, must be the same. In the default order the <c>EXISTS</c> stays.
/// </summary>
public sealed class SemiJoinTests
{
    public static TheoryData<string, string> Filters => new()
    {
        { """phase: { eq: "Primary" }, numberOfPupils: { gt: 200 }, memberships: { some: { partnership: { kind: { eq: DIOCESE } } } }""", """[{ laName: ASC }, { numberOfPupils: DESC }]""" },
        { """memberships: { some: { partnership: { kind: { in: [MULTI_ACADEMY_TRUST, FEDERATION] } }, role: { eq: MEMBER } } }""", """[{ name: DESC }]""" },
        { """memberships: { some: { or: [{ partnership: { name: { contains: "Hampshire" } } }, { partnership: { kind: { eq: DIOCESE } } }] } }, status: { eq: "Open" }""", """[{ numberOfPupils: ASC }]""" },
        { """and: [{ memberships: { some: { partnership: { kind: { eq: DIOCESE } } } } }, { memberships: { none: { partnership: { kind: { eq: MULTI_ACADEMY_TRUST } } } } }]""", """[{ laName: DESC }]""" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Some_in_the_clients_order_answers_as_the_exists_it_replaces(string where, string order)
    {
        await using var server = new SqlRecordingFactory { Settings = new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "0", [HeldEstablishments.EnabledKey] = "false" } }; // the store's statements are tested
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();

        server.Sql.Clear();
        var semiJoin = await PagesAsync(client, $"{{ {where} }}", order);
        var asIn = server.Sql.Where(sql => sql.Contains("\"Establishments\"")).ToList();
        server.Sql.Clear();
        var exists = await PagesAsync(client, $"{{ and: [{{ urn: {{ gt: 0 }} }}, {{ {where} }}] }}", order);
        var asExists = server.Sql.Where(sql => sql.Contains("\"Establishments\"")).ToList();

        Assert.True(semiJoin.Count > 20, $"{semiJoin.Count} rows: the filter should keep more than a page");
        Assert.Equal(exists, semiJoin);
        Assert.True(Exists(asIn) < Exists(asExists), $"EXISTS {Exists(asIn)} times with the rewrite, {Exists(asExists)} without");
    }

    [Fact]
    public async Task The_default_order_keeps_the_exists()
    {
        await using var server = new SqlRecordingFactory { Settings = new Dictionary<string, string> { [HeldEstablishments.EnabledKey] = "false" } };
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();

        server.Sql.Clear();
        await client.DataAsync("{ establishments(first: 5, where: { memberships: { some: { partnership: { kind: { eq: DIOCESE } } } } }) { nodes { urn } } }");

        Assert.Contains(server.Sql, sql => sql.Contains("\"Establishments\"") && sql.Contains("EXISTS"));
    }

    private static int Exists(List<string> statements) => statements.Sum(sql => sql.Split("EXISTS").Length - 1);

    /// <summary>Every page (of 20) of the filter in the order, and the total count, as one list of lines.</summary>
    private static async Task<List<string>> PagesAsync(HttpClient client, string where, string order)
    {
        var lines = new List<string>();
        string? after = null;
        do
        {
            var page = (await client.DataAsync($"query($after: String) {{ establishments(first: 20, after: $after, where: {where}, order: {order}) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ urn laName numberOfPupils }} }} }}",
                new { after }))["establishments"]!;
            lines.Add($"count {page["totalCount"]}");
            lines.AddRange(page["nodes"]!.AsArray().Select(n => n!.ToJsonString()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null && lines.Count < 400);
        return lines;
    }
}
