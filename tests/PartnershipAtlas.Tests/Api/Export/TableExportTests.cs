using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Export;

/// <summary>Queries answered as CSV and .xlsx through the real endpoint, on the real Surrey 2021 extract.</summary>
public sealed class TableExportTests(Surrey2021Store store) : IClassFixture<Surrey2021Store>
{
    private const string Query = """
        query Schools($status: String) {
          establishments(where: { status: { eq: $status } }, first: 3) {
            totalCount
            nodes { urn name phase memberships { partnership { name } } }
          }
        }
        """;

    private static readonly object Variables = new { status = "Open" };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string accept, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_csv_of_establishments_with_a_where_has_every_row_of_totalCount_with_the_json_values()
    {
        var client = store.CreateClient();
        var json = JsonNode.Parse(await (await PostAsync(client, "application/json", new { query = Query.Replace("first: 3", "first: 50"), variables = Variables })).Content.ReadAsStringAsync())!;
        var connection = json["data"]?["establishments"] ?? throw new Xunit.Sdk.XunitException(json.ToJsonString());
        var total = connection["totalCount"]!.GetValue<int>();

        var response = await PostAsync(client, "text/csv", new { query = Query, variables = Variables });
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)));
        Assert.Equal(["urn", "name", "phase", "memberships.partnership.name"], Enumerable.Range(0, csv.FieldCount).Select(csv.GetName));
        var rows = new List<string[]>();
        while (await csv.ReadAsync()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        Assert.True(total > 150, $"the walk must cross pages: {total} rows");
        Assert.Equal(total, rows.Count);
        foreach (var (node, row) in connection["nodes"]!.AsArray().Zip(rows))
        {
            Assert.Equal(node!["urn"]!.ToJsonString(), row[0]);
            Assert.Equal(node["name"]!.GetValue<string>(), row[1]);
            Assert.Equal(string.Join("; ", node["memberships"]!.AsArray().Select(m => m!["partnership"]!["name"]!.GetValue<string>())), row[3]);
        }
    }

    [Fact]
    public async Task A_connection_inside_a_fragment_on_a_node_is_the_table_and_is_walked_to_its_end()
    {
        var client = store.CreateClient();
        var surrey = (await client.DataAsync("{ partnerships(kinds: [LOCAL_AUTHORITY], where: { name: { eq: \"Surrey\" } }) { nodes { id memberCount } } }"))["partnerships"]!["nodes"]![0]!;
        const string members = "query Members($id: ID!) { node(id: $id) { ... on Partnership { members(first: 5) { nodes { establishment { urn } } } } } }";

        var response = await PostAsync(client, "text/csv", new { query = members, variables = new { id = surrey["id"]!.GetValue<string>() } });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("establishment.urn", lines[0].Trim());
        Assert.True(surrey["memberCount"]!.GetValue<int>() > 100, "the walk must cross pages");
        Assert.Equal(surrey["memberCount"]!.GetValue<int>(), lines.Length - 1);
    }

    [Fact]
    public async Task An_xlsx_holds_the_same_cells_and_an_about_sheet()
    {
        var client = store.CreateClient();
        var csvText = Encoding.UTF8.GetString(await (await PostAsync(client, "text/csv", new { query = Query, variables = Variables })).Content.ReadAsByteArrayAsync());
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(csvText.TrimStart('\uFEFF')));
        var response = await PostAsync(client, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new { query = Query, variables = Variables });
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = workbook.Query(useHeaderRow: true, sheetName: "Table").Cast<IDictionary<string, object?>>().ToList();
        var count = 0;
        while (await csv.ReadAsync())
        {
            var row = sheet[count++];
            for (var i = 0; i < csv.FieldCount; i++) Assert.Equal(csv.GetString(i), row[csv.GetName(i)]?.ToString() ?? "");
        }
        Assert.Equal(count, sheet.Count);
        workbook.Position = 0;
        var about = workbook.Query(useHeaderRow: true, sheetName: "About").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Item"]!, r => r["Value"]?.ToString());
        Assert.Equal(Query, about["Query"]);
        Assert.Contains("Open", about["Variables"], StringComparison.Ordinal);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), about["Rows"]);
    }

    [Fact]
    public async Task A_document_with_an_error_gets_a_400_in_json_and_a_mutation_is_never_a_table()
    {
        var client = store.CreateClient();
        var broken = await PostAsync(client, "text/csv", new { query = "{ establishments { nodes { noSuchField } } }" });
        var mutation = await PostAsync(client, "text/csv", new { query = "mutation { __typename }" });
        var link = await client.GetAsync("/export/query.csv?query=" + Uri.EscapeDataString("{ establishments(first: 1) { nodes { urn } } }"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("json", broken.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("noSuchField", JsonNode.Parse(await broken.Content.ReadAsStringAsync())!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotAcceptable, mutation.StatusCode);
        Assert.Contains("json", mutation.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Equal(store.All.Count + 1, (await link.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
