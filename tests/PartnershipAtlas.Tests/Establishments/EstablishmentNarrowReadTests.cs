using System.Text.Json.Nodes;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Establishments;

/// <summary>
/// A page of establishments reads only the columns its nodes' fields need (<see cref="EstablishmentNarrowRead.Columns"/>)
/// and its sort keys: every declared field, the cursors and the next page answer as the whole read does, in the default
/// order and in a client's order, and a field that is not declared reads whole rows.
/// </summary>
public sealed class EstablishmentNarrowReadTests
{
    private static string Selection(IEnumerable<string> fields) => string.Join(" ", fields.Select(f => f switch
    {
        "memberships" => "memberships { role partnership { name } }",
        "partnerships" => "partnerships { name }",
        "links" or "predecessors" or "successors" => f + " { type direction establishedDate }",
        _ => f,
    }));

    [Theory]
    [InlineData("")]
    [InlineData("order: [{ laName: DESC }, { numberOfPupils: ASC }],")]
    public async Task Every_field_of_the_narrow_read_and_every_cursor_answer_as_the_whole_read_does(string order)
    {
        await using var server = new SqlRecordingFactory();
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        await server.ImportAsync("gias-links", RealData.GiasLinks2023);
        var client = server.CreateClient();
        var fields = Selection(EstablishmentNarrowRead.Columns.ColumnsOf.Keys);

        async Task<(JsonNode First, JsonNode Next)> PagesAsync(string nodeFields)
        {
            var first = (await client.DataAsync($$"""{ establishments(first: 40, {{order}}) { edges { cursor node { {{nodeFields}} } } pageInfo { endCursor hasNextPage } } }"""))["establishments"]!;
            var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
            var next = (await client.DataAsync($$"""{ establishments(first: 40, after: "{{after}}", {{order}}) { nodes { {{nodeFields}} } } }"""))["establishments"]!;
            return (first, next);
        }

        var narrow = await PagesAsync(fields);
        var whole = await PagesAsync(fields + " membershipHistory { urn }");

        Assert.True(narrow.First["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var narrowEdges = narrow.First["edges"]!.AsArray();
        var wholeEdges = whole.First["edges"]!.AsArray();
        Assert.Equal(40, narrowEdges.Count);
        Assert.Contains(wholeEdges, e => e!["node"]!["postcode"] is not null);
        Assert.Contains(wholeEdges, e => e!["node"]!["links"]!.AsArray().Count > 0);
        Assert.Equal(wholeEdges.Select(e => e!["cursor"]!.ToJsonString()), narrowEdges.Select(e => e!["cursor"]!.ToJsonString()));
        foreach (var field in EstablishmentNarrowRead.Columns.ColumnsOf.Keys)
        {
            Assert.Equal(wholeEdges.Select(e => e!["node"]![field]?.ToJsonString() ?? "null"), narrowEdges.Select(e => e!["node"]![field]?.ToJsonString() ?? "null"));
            Assert.Equal(whole.Next["nodes"]!.AsArray().Select(n => n![field]?.ToJsonString() ?? "null"), narrow.Next["nodes"]!.AsArray().Select(n => n![field]?.ToJsonString() ?? "null"));
        }
    }

    [Fact]
    public async Task A_page_reads_the_columns_its_nodes_select_and_whole_rows_for_a_field_not_declared()
    {
        // Without the held rows, which would answer these pages once read (HeldEstablishmentsTests).
        await using var server = new SqlRecordingFactory { Settings = new Dictionary<string, string> { [HeldEstablishments.EnabledKey] = "false" } };
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();

        async Task<string> PageSqlAsync(string nodeFields)
        {
            server.Sql.Clear();
            await client.DataAsync($$"""{ establishments(first: 5) { nodes { {{nodeFields}} } } }""");
            return Assert.Single(server.Sql, sql => sql.Contains("FROM \"Establishments\""));
        }

        var urnAndName = await PageSqlAsync("urn name");
        Assert.DoesNotContain("\"Postcode\"", urnAndName);
        var withPostcode = await PageSqlAsync("urn ... on Establishment { postcode }");
        Assert.Contains("\"Postcode\"", withPostcode);
        Assert.DoesNotContain("\"District\"", withPostcode);
        var notDeclared = await PageSqlAsync("urn membershipHistory { urn }");
        Assert.Contains("\"District\"", notDeclared);
    }
}
