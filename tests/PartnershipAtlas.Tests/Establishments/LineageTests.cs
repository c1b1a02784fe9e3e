using System.Globalization;
using System.Text.Json.Nodes;
using PartnershipAtlas.Benchmarks;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Establishments;

/// <summary>
/// Links, predecessors, successors, lineage and membership history after importing the real 2022 Hampshire and Surrey
/// export and the real 2025 national links file, against a recount of the links file.
/// </summary>
public sealed class LineageTests(LineageTests.Imported imported) : IClassFixture<LineageTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public CsvRecount Export { get; } = new(RealData.GiasExport2022);

        public LinksRecount Links { get; } = new(new CsvRecount(RealData.File("gias-links", "links_edubasealldata20250422.csv")));

        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            await ImportAsync("gias-links", RealData.File("gias-links", "links_edubasealldata20250422.csv"));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>The links file read independently: each link from both ends, by what the linked establishment is.</summary>
    public sealed class LinksRecount
    {
        public LinksRecount(CsvRecount file)
        {
            foreach (var r in file.Rows)
            {
                var (urn, linked, type) = (Int(file.Value(r, "URN")), Int(file.Value(r, "LinkURN")), file.Value(r, "LinkType"));
                Published.Add((urn, linked, type, file.Value(r, "LinkName"), file.Value(r, "LinkEstablishedDate")));
                if (type.StartsWith("Predecessor", StringComparison.Ordinal)) Add(Predecessors, urn, linked);
                if (type.StartsWith("Successor", StringComparison.Ordinal)) Add(Successors, urn, linked);
                if (type.StartsWith("Successor", StringComparison.Ordinal)) Add(Predecessors, linked, urn);
                if (type.StartsWith("Predecessor", StringComparison.Ordinal)) Add(Successors, linked, urn);
            }
        }

        public List<(int Urn, int Linked, string Type, string Name, string Date)> Published { get; } = [];
        public Dictionary<int, SortedSet<int>> Predecessors { get; } = [];
        public Dictionary<int, SortedSet<int>> Successors { get; } = [];

        public SortedSet<int> PredecessorsOf(int urn) => Predecessors.GetValueOrDefault(urn) ?? [];
        public SortedSet<int> SuccessorsOf(int urn) => Successors.GetValueOrDefault(urn) ?? [];

        /// <summary>Predecessors followed back (negative generations) and successors followed forward, each URN once.</summary>
        public SortedSet<(int Urn, int Generation)> Lineage(int root, int depth = 10)
        {
            var result = new SortedSet<(int, int)>();
            var seen = new HashSet<int> { root };
            foreach (var (edges, sign) in new[] { (Predecessors, -1), (Successors, 1) })
            {
                var frontier = new List<int> { root };
                for (var generation = 1; generation <= depth; generation++)
                {
                    frontier = frontier.SelectMany(u => (edges.GetValueOrDefault(u) ?? []).Where(seen.Add).Select(n => { result.Add((n, sign * generation)); return n; })).ToList();
                }
            }
            return result;
        }

        private static void Add(Dictionary<int, SortedSet<int>> map, int from, int to)
        {
            if (!map.TryGetValue(from, out var set)) map[from] = set = [];
            set.Add(to);
        }
    }

    [Fact]
    public async Task Predecessors_successors_and_lineage_of_a_page_of_establishments_equal_the_links_file()
    {
        var data = await imported.CreateClient().DataAsync("""
            { establishments(first: 100) { nodes { urn predecessors { linkedUrn direction } successors { linkedUrn direction } lineage { urn generation } } } }
            """);

        var nodes = data["establishments"]!["nodes"]!.AsArray();
        Assert.Equal(100, nodes.Count);
        foreach (var node in nodes)
        {
            var urn = node!["urn"]!.GetValue<int>();
            Assert.Equal(imported.Links.PredecessorsOf(urn), Urns(node["predecessors"]!, "linkedUrn"));
            Assert.Equal(imported.Links.SuccessorsOf(urn), Urns(node["successors"]!, "linkedUrn"));
            Assert.All(node["predecessors"]!.AsArray(), l => Assert.Equal("PREDECESSOR", l!["direction"]!.GetValue<string>()));
            var lineage = node["lineage"]!.AsArray().Select(e => (e!["urn"]!.GetValue<int>(), e["generation"]!.GetValue<int>()));
            Assert.Equal(imported.Links.Lineage(urn), new SortedSet<(int, int)>(lineage));
        }
        Assert.Contains(nodes, n => n!["lineage"]!.AsArray().Count > 1);
    }

    [Fact]
    public async Task Links_as_published_carry_the_files_type_date_and_name_and_the_store_establishment()
    {
        var (urn, _) = SchoolWithPredecessorInTheExport();
        var exported = imported.Export.Rows.Select(r => imported.Export.Value(r, "URN")).ToHashSet();

        var data = await imported.CreateClient().DataAsync(
            "query($urn: Int!) { establishment(urn: $urn) { links { type establishedDate linkedUrn linkedName asPublished establishment { urn } } } }", new { urn });

        var links = data["establishment"]!["links"]!.AsArray();
        var published = links.Where(l => l!["asPublished"]!.GetValue<bool>())
            .Select(l => (urn, l!["linkedUrn"]!.GetValue<int>(), l["type"]!.GetValue<string>(), l["linkedName"]!.GetValue<string>(), DdMmYyyy(l["establishedDate"])))
            .Order();
        Assert.Equal(imported.Links.Published.Where(p => p.Urn == urn).Order(), published);
        Assert.All(links, l => Assert.Equal(exported.Contains(l!["linkedUrn"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)), l["establishment"] is not null));
    }

    [Fact]
    public async Task Membership_history_includes_the_predecessors_memberships_in_date_order()
    {
        var (urn, predecessor) = SchoolWithPredecessorInTheExport();
        var file = imported.Export;
        var predecessorRow = file.Rows.Single(r => file.Value(r, "URN") == predecessor.ToString(CultureInfo.InvariantCulture));
        var closed = DateOnly.ParseExact(file.Value(predecessorRow, "CloseDate"), "dd-MM-yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string Query = """
            query($urn: Int!, $follow: Boolean) { establishment(urn: $urn) { membershipHistory(followLineage: $follow) { urn generation kind role joined left partnership { name } } } }
            """;
        var client = imported.CreateClient();

        var history = (await client.DataAsync(Query, new { urn, follow = true }))["establishment"]!["membershipHistory"]!.AsArray();
        var own = (await client.DataAsync(Query, new { urn, follow = false }))["establishment"]!["membershipHistory"]!.AsArray();

        var ofPredecessor = history.Where(h => h!["urn"]!.GetValue<int>() == predecessor).ToList();
        Assert.Contains(ofPredecessor, h => h!["kind"]!.GetValue<string>() == "LOCAL_AUTHORITY"
            && h["partnership"]!["name"]!.GetValue<string>() == file.Value(predecessorRow, "LA (name)") && h["left"]!.GetValue<string>() == closed);
        Assert.All(ofPredecessor, h => Assert.True(h!["generation"]!.GetValue<int>() < 0));
        Assert.Contains(history, h => h!["urn"]!.GetValue<int>() == urn);
        Assert.DoesNotContain(own, h => h!["urn"]!.GetValue<int>() != urn);
        var order = history.Select(h => (Joined: h!["joined"]?.GetValue<string>() ?? "", Left: h["left"]?.GetValue<string>() ?? "9999")).ToList();
        Assert.Equal(order.OrderBy(o => o.Joined, StringComparer.Ordinal).ThenBy(o => o.Left, StringComparer.Ordinal), order);
    }

    [Fact]
    public async Task Links_lineage_and_history_take_a_bounded_number_of_statements_however_many_establishments()
    {
        var counter = new StatementCounter();
        var client = counter.ClientFor(imported);
        const string Query = """
            query($first: Int) { establishments(first: $first) { nodes { urn links { linkedUrn } lineage(maxDepth: 3) { urn } membershipHistory(maxDepth: 3) { urn } } } }
            """;
        await client.DataAsync(Query, new { first = 1 });

        counter.Reset();
        await client.DataAsync(Query, new { first = 5 });
        var forFive = counter.Count;
        counter.Reset();
        var data = await client.DataAsync(Query, new { first = 100 });
        var forHundred = counter.Count;

        Assert.Contains(data["establishments"]!["nodes"]!.AsArray(), n => n!["lineage"]!.AsArray().Count > 0);
        // At most: the page 1, links 2 (rows, names of one-ended links), lineage 2 directions × 3 generations × 2,
        // history 3 generations × 2 + 1 (memberships) = 22, however many establishments are on the page.
        Assert.InRange(forFive, 1, 22);
        Assert.InRange(forHundred, 1, 22);
    }

    [Fact]
    public async Task A_depth_out_of_range_is_a_coded_error()
    {
        var urn = Int(imported.Export.Value(imported.Export.Rows[0], "URN"));

        var result = await imported.CreateClient().QueryAsync("query($urn: Int!) { establishment(urn: $urn) { lineage(maxDepth: 51) { urn } } }", new { urn });

        Assert.Equal("LINEAGE_DEPTH_OUT_OF_RANGE", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    /// <summary>An open school in the export whose predecessor (per the links file) is a closed school also in the export.</summary>
    private (int Urn, int Predecessor) SchoolWithPredecessorInTheExport()
    {
        var file = imported.Export;
        var status = file.Rows.ToDictionary(r => Int(file.Value(r, "URN")), r => file.Value(r, "EstablishmentStatus (name)"));
        return status.Where(s => s.Value == "Open").Select(s => s.Key).Order()
            .SelectMany(urn => imported.Links.PredecessorsOf(urn).Where(p => status.GetValueOrDefault(p) == "Closed").Select(p => (urn, p)))
            .First();
    }

    private static SortedSet<int> Urns(JsonNode list, string field) => new(list.AsArray().Select(l => l![field]!.GetValue<int>()));

    private static string DdMmYyyy(JsonNode? iso) =>
        iso is null ? "" : DateOnly.ParseExact(iso.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
