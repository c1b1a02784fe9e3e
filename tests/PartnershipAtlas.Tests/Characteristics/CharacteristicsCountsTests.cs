using System.Globalization;
using System.Net.Http.Json;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary><c>establishmentCounts</c> by OFSTED_GRADE and FSM_EVER_BAND over the real GIAS export and census equal a recount from the files.</summary>
[Trait("Store", "Sqlite")] // national files import row by row on PostgreSQL (minutes each): run once, on SQLite, until ResultSetWriter has a COPY path
public sealed class CharacteristicsCountsTests
{
    [Fact]
    public async Task Counts_by_Ofsted_grade_and_FSM_ever_band_equal_a_recount()
    {
        var gias = new CsvRecount(RealData.GiasExport2022);
        var census = new CsvRecount(CharacteristicsFiles.Census, "utf-8");
        var fsm = census.Rows.Where(r => r[0] != "NAT").ToDictionary(r => r[0], r => census.Value(r, "PNUMFSMEVER"));
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        await factory.ImportAsync("census", CharacteristicsFiles.Census);

        var counts = (await factory.CreateClient().DataAsync("""
            { establishmentCounts(groupBy: [OFSTED_GRADE, FSM_EVER_BAND], asOf: "2022-05-01") { ofstedGrade fsmEverBand count } }
            """))["establishmentCounts"]!.AsArray()
            .ToDictionary(c => ((string?)c!["ofstedGrade"] ?? "", (string?)c["fsmEverBand"] ?? ""), c => (int)c!["count"]!);

        var recount = gias.Rows.GroupBy(r => (gias.Value(r, "OfstedRating (name)"), Band(fsm.GetValueOrDefault(gias.Value(r, "URN")))))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(recount.OrderBy(x => x.Key), counts.OrderBy(x => x.Key));
        Assert.True(recount.Keys.Select(k => k.Item2).Distinct().Count() >= 4);
    }

    [Fact]
    public async Task Multi_network_schools_filtered_by_FSM_ever_band_are_those_of_the_band()
    {
        var census = new CsvRecount(CharacteristicsFiles.Census, "utf-8");
        var bands = census.Rows.Where(r => r[0] != "NAT").ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => Band(census.Value(r, "PNUMFSMEVER")));
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        await factory.ImportAsync("census", CharacteristicsFiles.Census);
        var client = factory.CreateClient();

        var all = await UrnsAsync(client, "");
        var band = all.Select(u => bands.GetValueOrDefault(u, "")).Where(b => b.Length > 0).GroupBy(b => b).MaxBy(g => g.Count())!.Key;
        var filtered = await UrnsAsync(client, $", fsmEverBand: \"{band}\"");

        Assert.NotEmpty(filtered);
        Assert.Equal(all.Where(u => bands.GetValueOrDefault(u) == band).Order(), filtered.Order());
        var refused = await client.PostAsJsonAsync("/graphql", new { query = "{ multiNetworkEstablishments(fsmEverBand: \"5-15\") { totalCount } }" });
        Assert.Contains("fsmEverBand must be one of", await refused.Content.ReadAsStringAsync());
    }

    /// <summary>Every multi-network school (networks of any kind, at least 2), through every page.</summary>
    private static async Task<List<int>> UrnsAsync(HttpClient client, string arguments)
    {
        var urns = new List<int>();
        string? after = null;
        do
        {
            var page = (await client.DataAsync($$"""
                query($after: String) { multiNetworkEstablishments(minNetworks: 2, first: 100, after: $after{{arguments}}) { nodes { establishment { urn } } pageInfo { hasNextPage endCursor } } }
                """, new { after }))["multiNetworkEstablishments"]!;
            urns.AddRange(page["nodes"]!.AsArray().Select(n => (int)n!["establishment"]!["urn"]!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);
        return urns;
    }

    private static string Band(string? published)
    {
        if (!double.TryParse(published, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return "";
        return v < 10 ? "0-10" : v < 20 ? "10-20" : v < 30 ? "20-30" : v < 40 ? "30-40" : v < 50 ? "40-50" : "50+";
    }
}
