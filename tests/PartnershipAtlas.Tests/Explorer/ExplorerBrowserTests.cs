using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Explorer;

/// <summary>
/// The explorer at <c>/</c> in headless Chromium (tests/node/explorer-check.mjs) on the default data, each flow checked
/// against the API's own answer. Every page visited passes an axe-core audit with no serious or critical violation, no
/// flow passes with a console error, and each saves a screenshot under the test output (explorer-screenshots/).
/// </summary>
[Trait("Store", "Sqlite")] // one browser pass is enough: the pages read the same API on either store
public sealed class ExplorerBrowserTests(DefaultDataServer server) : IClassFixture<DefaultDataServer>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "explorer-screenshots");

    private Task<JsonNode> RunAsync(string flow, params string[] args) => RunOnAsync(server.BaseUrl, flow, args);

    private static async Task<JsonNode> RunOnAsync(string baseUrl, string flow, params string[] args)
    {
        var (exitCode, output) = await NodeTool.RunAsync("explorer-check.mjs", [flow, baseUrl, Screenshots, .. args]);
        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(Path.Combine(Screenshots, flow + ".png")), $"no screenshot for {flow}");
        var result = JsonNode.Parse(output.Split('\n').First(l => l.StartsWith('{')))!;
        Assert.All(result["audits"]!.AsArray(), a => Assert.Equal(0, a!["serious"]!.GetValue<int>()));
        return result;
    }

    /// <summary>The multi-academy trust with the most members on the default data: name, id and count, from the API.</summary>
    private async Task<(string Id, string Name, int Members)> LargestTrustAsync(string? asOf = null)
    {
        var trusts = await server.CreateClient().AllNodesAsync("partnerships", "kinds: [MULTI_ACADEMY_TRUST]", $"id name memberCount{(asOf is null ? "" : $"(asOf: \"{asOf}\")")}");
        var largest = trusts.MaxBy(t => t["memberCount"]!.GetValue<int>())!;
        return (largest["id"]!.GetValue<string>(), largest["name"]!.GetValue<string>(), largest["memberCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Searching_a_trust_opens_it_with_its_real_member_count_and_its_members_on_the_map()
    {
        var (id, name, members) = await LargestTrustAsync();
        var search = name.ToLowerInvariant(); // stored as published (trusts in capitals): the search must not mind the case

        var result = await RunAsync("search-network", search, name);

        Assert.EndsWith($"/networks/{id}", Uri.UnescapeDataString(result["url"]!.GetValue<string>())); // ids are base64: the app escapes "/", "+" and "="
        Assert.Equal(members, result["memberCount"]!.GetValue<int>());
        Assert.InRange(result["plotted"]!.GetValue<int>(), 1, members);
    }

    [Fact]
    public async Task A_school_found_by_its_urn_shows_the_networks_the_api_gives()
    {
        var (trustId, _, _) = await LargestTrustAsync();
        var member = await server.CreateClient().DataAsync("query($id: ID!) { node(id: $id) { ... on Partnership { members(first: 1) { nodes { establishment { urn name partnerships { name } } } } } } }", new { id = trustId });
        var school = member["node"]!["members"]!["nodes"]![0]!["establishment"]!;
        var urn = school["urn"]!.GetValue<int>();

        var result = await RunAsync("school", urn.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(school["name"]!.GetValue<string>(), result["title"]!.GetValue<string>());
        Assert.Equal(school["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order(), result["networks"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Clicking_the_largest_overlap_cell_lists_the_real_pairs_and_maps_one()
    {
        var result = await RunAsync("overlaps");

        var cell = result["cell"]!;
        var pairs = await server.CreateClient().DataAsync(
            "query($k: [PartnershipKind!], $o: [PartnershipKind!]) { overlaps(kinds: $k, otherKinds: $o, first: 30) { nodes { a { name } b { name } sharedCount } } }",
            new { k = new[] { cell["kind"]!.GetValue<string>() }, o = new[] { cell["otherKind"]!.GetValue<string>() } });
        var expected = pairs["overlaps"]!["nodes"]!.AsArray().Select(p => $"{p!["a"]!["name"]}|{p["b"]!["name"]}|{p["sharedCount"]}").ToList();
        var shown = result["pairs"]!.AsArray().Select(p => string.Join('|', p!.AsArray().Select(c => c!.GetValue<string>().Replace(",", "", StringComparison.Ordinal)))).ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(expected, shown);
        Assert.True(result["plotted"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Changing_the_date_changes_the_member_count_to_the_apis_on_that_date()
    {
        var (id, _, now) = await LargestTrustAsync("2022-04-20");
        var then = (await server.CreateClient().DataAsync("query($id: ID!) { node(id: $id) { ... on Partnership { memberCount(asOf: \"2016-09-01\") } } }", new { id }))["node"]!["memberCount"]!.GetValue<int>();
        Assert.NotEqual(now, then);

        var result = await RunAsync("as-of", id, "2016-09-01", "2022-04-20");

        Assert.Equal(then, result["before"]!.GetValue<int>());
        Assert.Equal(now, result["after"]!.GetValue<int>());
        Assert.EndsWith("asOf=2022-04-20", result["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_members_table_downloads_as_csv_that_parses_back_to_the_apis_members()
    {
        var (id, _, members) = await LargestTrustAsync();
        var api = await server.CreateClient().DataAsync("query($id: ID!) { node(id: $id) { ... on Partnership { members(first: 100) { nodes { establishment { urn } } } } } }", new { id });

        var result = await RunAsync("export-csv", id);

        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(result["file"]!.GetValue<string>());
        var urns = new List<int>();
        while (await csv.ReadAsync()) urns.Add(csv.GetInt32(csv.GetOrdinal("establishment.urn")));
        Assert.Equal(members, urns.Count);
        Assert.Equal(api["node"]!["members"]!["nodes"]!.AsArray().Select(m => m!["establishment"]!["urn"]!.GetValue<int>()).Order(), urns.Order());
    }

    [Fact]
    public async Task A_networks_attainment_comparison_and_related_networks_are_the_apis()
    {
        // A trust inside another network when the default data has one (its page then has a list to check), else the largest.
        var networks = await server.CreateClient().AllNodesAsync("partnerships", "kinds: [MULTI_ACADEMY_TRUST]", "id memberCount partOf { name }");
        var chosen = networks.Where(n => n["partOf"]!.AsArray().Count > 0).MaxBy(n => n["memberCount"]!.GetValue<int>())
            ?? networks.MaxBy(n => n["memberCount"]!.GetValue<int>())!;
        var id = chosen["id"]!.GetValue<string>();
        var api = (await server.CreateClient().DataAsync("""
            query($id: ID!) { node(id: $id) { ... on Partnership {
              attainment(keyStage: KS2, year: 2019, measure: "PTRWM_EXP") { members schoolsWithValue localAuthorities { laCode } }
              comparison(keyStage: KS2, measure: "PTRWM_EXP", preYears: [2017, 2018], postYears: [2019]) { pairs estimate }
              memberNetworks { name } partOf { name } } } }
            """, new { id }))["node"]!;

        var result = await RunAsync("network-details", id);

        var attainment = api["attainment"]!;
        if (attainment["schoolsWithValue"]!.GetValue<int>() == 0)
        {
            var none = result["attainmentNone"]!.GetValue<string>();
            Assert.Contains("No results", none, StringComparison.Ordinal);
            Assert.Contains(attainment["members"]!.GetValue<int>().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), none, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(attainment["localAuthorities"]!.AsArray().Count + 3, result["attainmentRows"]!.AsArray().Count);
        }
        if (api["comparison"]!["pairs"]!.GetValue<int>() == 0) Assert.Contains("No matched comparison", result["comparisonNone"]!.GetValue<string>(), StringComparison.Ordinal);
        else Assert.Null(result["comparisonNone"]);
        AssertNames(api["memberNetworks"]!, result["memberNetworks"]!, result["memberNetworksNone"]);
        AssertNames(api["partOf"]!, result["parentNetworks"]!, result["parentNetworksNone"]);
    }

    private static void AssertNames(JsonNode expected, JsonNode shown, JsonNode? none)
    {
        Assert.Equal(expected.AsArray().Select(n => n!["name"]!.GetValue<string>()), shown.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(expected.AsArray().Count == 0, none is not null);
    }

    [Fact]
    public async Task Over_the_rate_limit_the_page_says_when_to_retry_as_the_server_asked()
    {
        // A real server whose budget is one unit of cost a minute: the home page's requests are refused with 429.
        await using var limited = new AtlasFactory { Settings = new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "1" } };
        var baseUrl = limited.StartOnLoopback();

        var result = await RunOnAsync(baseUrl, "rate-limited");

        var retryAfter = result["retryAfter"]!.AsArray().Select(s => s!.GetValue<int>()).ToList();
        Assert.NotEmpty(retryAfter);
        var message = result["message"]!.GetValue<string>();
        Assert.Contains(retryAfter, s => message.Contains($"Retry after {s} seconds.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_keyboard_alone_reaches_the_search_and_opens_a_result()
    {
        var (id, name, _) = await LargestTrustAsync();

        var result = await RunAsync("keyboard", name.ToLowerInvariant(), name);

        Assert.EndsWith($"/networks/{id}", Uri.UnescapeDataString(result["url"]!.GetValue<string>())); // ids are base64: the app escapes "/", "+" and "="
        Assert.Equal(name, result["title"]!.GetValue<string>());
        Assert.InRange(result["tabsToSearch"]!.GetValue<int>(), 1, 20);
    }

    [Fact]
    public async Task The_overlaps_filters_are_kept_in_the_url()
    {
        var result = await RunAsync("overlap-filters");

        Assert.True(result["read"]!["diocese"]!.GetValue<bool>());
        Assert.Equal("850", result["read"]!["la"]!.GetValue<string>());
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(result["url"]!.GetValue<string>()).Query);
        Assert.Equal(["DIOCESE", "MULTI_ACADEMY_TRUST"], query["kinds"]!.Split(',').Order());
        Assert.Equal(("850", "Primary", "2019-09-01"), (query["laCode"], query["phase"], query["asOf"]));
        Assert.True(result["afterReload"]!["trust"]!.GetValue<bool>());
        Assert.Equal("Primary", result["afterReload"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_network_urn_or_page_shows_not_found_with_a_way_back()
    {
        var result = await RunAsync("not-found");

        Assert.All(result["seen"]!.AsArray(), s => Assert.Equal("/", s!["back"]!.GetValue<string>()));
        Assert.Equal(3, result["seen"]!.AsArray().Count);
    }
}
