using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Overlap;

/// <summary>
/// Overlap analytics on the real 2022 Hampshire and Surrey export: schools in several networks, trust–diocese pairs,
/// area and phase restrictions, ranked paging and the kind matrix, each compared with a recount from the file.
/// </summary>
public sealed class OverlapTests(OverlapTests.Imported imported) : IClassFixture<OverlapTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public GiasOverlapRecount File { get; } = new(RealData.GiasExport2022);

        public Task InitializeAsync() => ImportAsync("gias-establishments", RealData.GiasExport2022);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Trusts = "MULTI_ACADEMY_TRUST, SINGLE_ACADEMY_TRUST, FOUNDATION_TRUST";
    private const string PairFields = "a { name } b { name } sharedCount aMemberCount bMemberCount jaccard overlapCoefficient";

    [Fact]
    public async Task Schools_in_two_of_trust_federation_and_diocese_equal_a_recount()
    {
        var expected = imported.File.Schools.Where(s => s.Networks.Count() >= 2).ToDictionary(s => s.Urn, s => s.Networks.Count());

        var actual = new Dictionary<int, int>();
        await foreach (var node in AllAsync("multiNetworkEstablishments", $"kinds: [{Trusts}, FEDERATION, DIOCESE], minNetworks: 2", "establishment { urn } networkCount networks { kind }"))
        {
            actual.Add(node["establishment"]!["urn"]!.GetValue<int>(), node["networkCount"]!.GetValue<int>());
            Assert.Equal(node["networkCount"]!.GetValue<int>(), node["networks"]!.AsArray().Count);
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(x => x.Key), actual.OrderBy(x => x.Key));
    }

    [Fact]
    public async Task Trust_diocese_pairs_and_their_shared_counts_equal_a_recount()
    {
        var expected = imported.File.TrustDioceseShared();

        var actual = await PairsAsync($"kinds: [{Trusts}], otherKinds: [DIOCESE]");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(x => x.Key), actual.Select(p => KeyValuePair.Create((p.A, p.B), p.Shared)).OrderBy(x => x.Key));
    }

    [Fact]
    public async Task Measures_use_the_network_sizes_from_the_file()
    {
        var sizes = imported.File.Schools.SelectMany(s => s.Networks).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

        var pairs = await PairsAsync($"kinds: [{Trusts}], otherKinds: [DIOCESE]");

        foreach (var pair in pairs)
        {
            var (a, b) = (sizes[pair.A], sizes[pair.B]);
            Assert.Equal((a, b), (pair.Node["aMemberCount"]!.GetValue<int>(), pair.Node["bMemberCount"]!.GetValue<int>()));
            Assert.Equal((double)pair.Shared / (a + b - pair.Shared), pair.Node["jaccard"]!.GetValue<double>(), 9);
            Assert.Equal((double)pair.Shared / Math.Min(a, b), pair.Node["overlapCoefficient"]!.GetValue<double>(), 9);
        }
    }

    [Theory]
    [InlineData("laCode: \"936\"", "936", null)]
    [InlineData("phase: \"primary\"", null, "Primary")]
    [InlineData("laCode: \"850\", phase: \"Secondary\"", "850", "Secondary")]
    public async Task Area_and_phase_restrict_the_schools_counted(string arguments, string? laCode, string? phase)
    {
        var expected = imported.File.TrustDioceseShared(s => (laCode is null || s.LaCode == laCode) && (phase is null || s.Phase == phase));

        var actual = await PairsAsync($"kinds: [{Trusts}], otherKinds: [DIOCESE], {arguments}");

        Assert.Equal(expected.OrderBy(x => x.Key), actual.Select(p => KeyValuePair.Create((p.A, p.B), p.Shared)).OrderBy(x => x.Key));
    }

    [Theory]
    [InlineData("SHARED_COUNT")]
    [InlineData("JACCARD")]
    public async Task Ranked_pages_follow_on_in_order_and_lead_back(string order)
    {
        var client = imported.CreateClient();
        var query = $"query($after: String, $before: String, $first: Int, $last: Int) {{ overlaps(order: {order}, first: $first, after: $after, last: $last, before: $before) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} nodes {{ a {{ id }} b {{ id }} sharedCount jaccard }} }} }}";
        var whole = (await client.DataAsync(query, new { first = 30 }))["overlaps"]!;
        var first = (await client.DataAsync(query, new { first = 10 }))["overlaps"]!;
        var second = (await client.DataAsync(query, new { first = 10, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["overlaps"]!;
        var back = (await client.DataAsync(query, new { last = 10, before = second["pageInfo"]!["startCursor"]!.GetValue<string>() }))["overlaps"]!;

        var expected = Nodes(whole);
        Assert.Equal(30, expected.Count);
        Assert.Equal(expected[..10], Nodes(first));
        Assert.Equal(expected[10..20], Nodes(second));
        Assert.Equal(expected[..10], Nodes(back));
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        var values = whole["nodes"]!.AsArray().Select(n => n![order == "JACCARD" ? "jaccard" : "sharedCount"]!.GetValue<double>()).ToList();
        Assert.Equal(values.OrderDescending(), values);
    }

    [Fact]
    public async Task A_network_sees_the_same_pairs_from_its_side()
    {
        var data = await imported.CreateClient().DataAsync(
            $"query($asOf: Date) {{ overlaps(kinds: [DIOCESE], otherKinds: [{Trusts}], asOf: $asOf, first: 1) {{ nodes {{ a {{ name overlappingPartnerships(kinds: [{Trusts}], asOf: $asOf, first: 100) {{ totalCount nodes {{ {PairFields} }} }} }} }} }} }}",
            new { asOf = GiasOverlapRecount.ExtractDate });
        var top = data["overlaps"]!["nodes"]![0]!["a"]!;
        var seen = top["overlappingPartnerships"]!["nodes"]!.AsArray()
            .Select(n => (A: n!["a"]!["name"]!.GetValue<string>().ToUpperInvariant(), B: n["b"]!["name"]!.GetValue<string>().ToUpperInvariant(), Shared: n["sharedCount"]!.GetValue<int>())).ToList();

        var name = top["name"]!.GetValue<string>().ToUpperInvariant();
        var expected = imported.File.TrustDioceseShared().Where(x => x.Key.Diocese == name).Select(x => (name, x.Key.Trust, x.Value)).OrderBy(x => x).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, seen.OrderBy(x => x).ToList());
        Assert.Equal(expected.Count, top["overlappingPartnerships"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_matrix_counts_schools_and_networks_touched_as_the_file_does()
    {
        var file = imported.File;
        var data = await imported.CreateClient().DataAsync(
            "query($asOf: Date) { overlapMatrix(kinds: [MULTI_ACADEMY_TRUST, DIOCESE, FEDERATION], asOf: $asOf) { kind otherKind sharedSchools networks touchingNetworks maxTouched meanTouched } }",
            new { asOf = GiasOverlapRecount.ExtractDate });
        var cells = data["overlapMatrix"]!.AsArray().ToDictionary(c => (c!["kind"]!.GetValue<string>(), c["otherKind"]!.GetValue<string>()));

        var mats = file.Schools.Where(s => s.Trust is not null && s.TrustKind == "MULTI_ACADEMY_TRUST").ToList();
        var dioceseToTrusts = mats.Where(s => s.Diocese is not null).GroupBy(s => s.Diocese!).Select(g => g.Select(s => s.Trust).Distinct().Count()).ToList();
        var trustToDioceses = mats.GroupBy(s => s.Trust!).Select(g => g.Select(s => s.Diocese).OfType<string>().Distinct().Count()).ToList();
        var dioceses = file.Schools.Select(s => s.Diocese).OfType<string>().Distinct().Count();

        Assert.Equal(mats.Count(s => s.Diocese is not null), cells[("MULTI_ACADEMY_TRUST", "DIOCESE")]!["sharedSchools"]!.GetValue<int>());
        Assert.Equal(mats.Count(s => s.Diocese is not null), cells[("DIOCESE", "MULTI_ACADEMY_TRUST")]!["sharedSchools"]!.GetValue<int>());
        Assert.Equal(dioceses, cells[("DIOCESE", "MULTI_ACADEMY_TRUST")]!["networks"]!.GetValue<int>());
        Assert.Equal(dioceseToTrusts.Count, cells[("DIOCESE", "MULTI_ACADEMY_TRUST")]!["touchingNetworks"]!.GetValue<int>());
        Assert.Equal(dioceseToTrusts.Max(), cells[("DIOCESE", "MULTI_ACADEMY_TRUST")]!["maxTouched"]!.GetValue<int>());
        Assert.Equal(trustToDioceses.Max(), cells[("MULTI_ACADEMY_TRUST", "DIOCESE")]!["maxTouched"]!.GetValue<int>());
        Assert.Equal(trustToDioceses.Average(), cells[("MULTI_ACADEMY_TRUST", "DIOCESE")]!["meanTouched"]!.GetValue<double>(), 9);
    }

    [Theory]
    [InlineData("overlaps(minShared: 0)", "INVALID_ARGUMENT")]
    [InlineData("overlaps(first: 101)", "HC0051")]
    [InlineData("overlaps(after: \"a2V5OjE=\")", "HC0078")]
    public async Task Bad_arguments_are_graphql_errors(string field, string code)
    {
        var result = await imported.CreateClient().QueryAsync($"{{ {field} {{ totalCount }} }}");

        Assert.Equal(code, result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static List<string> Nodes(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => $"{n!["a"]!["id"]}-{n["b"]!["id"]}").ToList();

    private async Task<List<(string A, string B, int Shared, JsonNode Node)>> PairsAsync(string arguments) =>
        await AllAsync("overlaps", arguments, PairFields)
            .Select(n => (n["a"]!["name"]!.GetValue<string>().ToUpperInvariant(), n["b"]!["name"]!.GetValue<string>().ToUpperInvariant(), n["sharedCount"]!.GetValue<int>(), n))
            .ToListAsync();

    /// <summary>Every node of a root connection on the extract date, paging through it.</summary>
    private async IAsyncEnumerable<JsonNode> AllAsync(string field, string arguments, string fields)
    {
        var client = imported.CreateClient();
        string? after = null;
        do
        {
            var data = await client.DataAsync(
                $"query($after: String, $asOf: Date) {{ {field}({arguments}, asOf: $asOf, first: 100, after: $after) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {fields} }} }} }}",
                new { after, asOf = GiasOverlapRecount.ExtractDate });
            var page = data[field]!;
            foreach (var node in page["nodes"]!.AsArray()) yield return node!;
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
    }
}
