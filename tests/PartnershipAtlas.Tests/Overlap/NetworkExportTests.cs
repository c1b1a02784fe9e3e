using System.Net;
using System.Xml.Linq;
using Microsoft.VisualBasic.FileIO;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Overlap;

/// <summary>
/// <c>/export/network</c> on the real 2022 export: the GraphML parses back as GraphML, the CSV as CSV, and their edges
/// are the memberships the file names and the pairs the GraphQL API counts.
/// </summary>
public sealed class NetworkExportTests(OverlapTests.Imported imported) : IClassFixture<OverlapTests.Imported>
{
    private static readonly XNamespace GraphML = "http://graphml.graphdrawing.org/xmlns";
    private const string Kinds = "MULTI_ACADEMY_TRUST,SINGLE_ACADEMY_TRUST,FOUNDATION_TRUST,FEDERATION,DIOCESE";
    private const string AsOf = GiasOverlapRecount.ExtractDate;

    [Fact]
    public async Task The_projection_is_graphml_with_the_apis_pairs_as_weighted_edges()
    {
        var document = await GraphMLAsync($"/export/network?format=graphml&graph=projection&asOf={AsOf}&kinds={Kinds}");
        var pairs = await ApiPairsAsync("");

        var graph = document.Root!.Element(GraphML + "graph")!;
        Assert.Equal("undirected", graph.Attribute("edgedefault")!.Value);
        var edges = graph.Elements(GraphML + "edge").Select(e => (Key(e.Attribute("source")!.Value, e.Attribute("target")!.Value), Weight(e))).ToList();
        Assert.Equal(pairs.Count, edges.Count);
        Assert.Equal(pairs.OrderBy(p => p.Key), edges.Select(e => KeyValuePair.Create(e.Item1, e.Item2)).OrderBy(p => p.Key));
        var nodeIds = graph.Elements(GraphML + "node").Select(n => n.Attribute("id")!.Value).ToHashSet();
        Assert.All(edges, e => Assert.True(nodeIds.Contains(e.Item1.Item1) && nodeIds.Contains(e.Item1.Item2)));
    }

    [Fact]
    public async Task The_bipartite_graph_has_an_edge_for_each_membership_the_file_names()
    {
        var document = await GraphMLAsync($"/export/network?asOf={AsOf}&kinds={Kinds}");

        var graph = document.Root!.Element(GraphML + "graph")!;
        var expected = imported.File.Schools.Sum(s => s.Networks.Count());
        Assert.Equal(expected, graph.Elements(GraphML + "edge").Count());
        Assert.Equal(imported.File.Schools.Count(s => s.Networks.Any()), graph.Elements(GraphML + "node").Count(n => n.Attribute("id")!.Value.StartsWith('e')));
    }

    [Fact]
    public async Task The_csv_projection_restricted_to_an_area_has_the_apis_pairs()
    {
        using var response = await imported.CreateClient().GetAsync($"/export/network?format=csv&graph=projection&asOf={AsOf}&kinds={Kinds}&laCode=936");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        using var parser = new TextFieldParser(await response.Content.ReadAsStreamAsync()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);

        var pairs = await ApiPairsAsync(", laCode: \"936\"");
        Assert.Equal(["Source", "Target", "Type", "Weight"], header[..4]);
        Assert.Equal(pairs.OrderBy(p => p.Key), rows.Select(r => KeyValuePair.Create(Key(r[0], r[1]), int.Parse(r[3]))).OrderBy(p => p.Key));
        Assert.NotEmpty(rows);
    }

    [Theory]
    [InlineData("format=pdf", "format 'pdf'")]
    [InlineData("asOf=20-04-2022", "asOf '20-04-2022'")]
    [InlineData("kinds=TRUSTS", "'TRUSTS' is not a kind")]
    public async Task A_bad_request_is_a_400_saying_what_is_wrong(string query, string message)
    {
        using var response = await imported.CreateClient().GetAsync($"/export/network?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    private async Task<XDocument> GraphMLAsync(string url)
    {
        using var response = await imported.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = XDocument.Load(await response.Content.ReadAsStreamAsync());
        Assert.Equal(GraphML + "graphml", document.Root!.Name);
        return document;
    }

    /// <summary>Every pair the API counts for the same kinds, keyed by the export's node ids (p + partnership id).</summary>
    private async Task<Dictionary<(string, string), int>> ApiPairsAsync(string filter)
    {
        var client = imported.CreateClient();
        var result = new Dictionary<(string, string), int>();
        string? after = null;
        do
        {
            var data = await client.DataAsync($$"""
                query($after: String) { overlaps(kinds: [{{Kinds}}], asOf: "{{AsOf}}", first: 100, after: $after{{filter}}) {
                  pageInfo { hasNextPage endCursor } nodes { a { sourceKey id } b { id } sharedCount } } }
                """, new { after });
            var page = data["overlaps"]!;
            foreach (var node in page["nodes"]!.AsArray())
            {
                result.Add(Key(NodeId(node!["a"]!["id"]!.GetValue<string>()), NodeId(node["b"]!["id"]!.GetValue<string>())), node["sharedCount"]!.GetValue<int>());
            }
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return result;
    }

    private static string NodeId(string globalId) => "p" + System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1];

    private static (string, string) Key(string x, string y) => string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);

    private static int Weight(XElement edge) => int.Parse(edge.Elements(GraphML + "data").Single(d => d.Attribute("key")!.Value == "weight").Value);
}
