using System.Text.Json.Nodes;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// A whole table's forward pages in key order, with a narrow selection, run as compiled queries
/// (<c>CompiledPages</c>) and answer exactly as the query built per request: every page of the real 2022 export is
/// asked both ways (the second with an always-true condition on the URN, which takes the general path), and the
/// nodes, cursors, page info and counts must be the same.
/// </summary>
public sealed class CompiledPagesTests
{
    [Theory]
    [InlineData("urn name")]
    [InlineData("urn name phase numberOfPupils partnerships { kind name }")]
    public async Task Compiled_pages_answer_as_the_query_built_per_request(string fields)
    {
        // Without the held rows, which would answer the unfiltered pages once read (HeldEstablishmentsTests).
        await using var server = new SqlRecordingFactory { Settings = new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "0", [HeldEstablishments.EnabledKey] = "false" } };
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();

        server.Sql.Clear();
        var compiled = await PagesAsync(client, "", fields);
        var compiledSql = server.Sql.Where(sql => sql.Contains("FROM \"Establishments\"")).ToList();
        server.Sql.Clear();
        var general = await PagesAsync(client, ", where: { urn: { gt: 0 } }", fields);
        var generalSql = server.Sql.Where(sql => sql.Contains("FROM \"Establishments\"")).ToList();

        Assert.True(compiled.Count > 1000, $"{compiled.Count} lines: every page of the export");
        Assert.Equal(general, compiled);
        Assert.Contains(compiledSql, sql => sql.Contains("@after") && sql.Contains("@take"));
        Assert.DoesNotContain(generalSql, sql => sql.Contains("@after"));
    }

    /// <summary>A cursor of the default order that holds no key is answered as the general path answers it, whatever that is.</summary>
    [Fact]
    public async Task A_cursor_holding_no_key_is_answered_as_by_the_general_path()
    {
        await using var server = new SqlRecordingFactory();
        await server.ImportAsync("gias-establishments", RealData.GiasNarrow2021);
        var client = server.CreateClient();
        var cursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("""{"o":"#:ASC","v":[null]}"""));

        var compiled = await client.QueryAsync("query($after: String) { establishments(first: 5, after: $after) { nodes { urn name } } }", new { after = cursor });
        var general = await client.QueryAsync("query($after: String) { establishments(first: 5, after: $after, where: { urn: { gt: 0 } }) { nodes { urn name } } }", new { after = cursor });

        Assert.Equal(Without(general, "extensions"), Without(compiled, "extensions"));
    }

    private static string Without(JsonNode answer, string member)
    {
        var copy = answer.DeepClone().AsObject();
        copy.Remove(member);
        return copy.ToJsonString();
    }

    /// <summary>Every page (of 50) with its count and page info, and each edge's cursor and node, as one list of lines.</summary>
    private static async Task<List<string>> PagesAsync(HttpClient client, string where, string fields)
    {
        var lines = new List<string>();
        string? after = null;
        do
        {
            var page = (await client.DataAsync($"query($after: String) {{ establishments(first: 50, after: $after{where}) {{ totalCount pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} edges {{ cursor node {{ {fields} }} }} }} }}",
                new { after }))["establishments"]!;
            lines.Add($"count {page["totalCount"]} {page["pageInfo"]!.ToJsonString()}");
            lines.AddRange(page["edges"]!.AsArray().Select(e => e!.ToJsonString()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return lines;
    }
}
