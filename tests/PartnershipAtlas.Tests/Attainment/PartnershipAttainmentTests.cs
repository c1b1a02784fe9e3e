using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Attainment;

/// <summary>
/// <c>Partnership.attainment</c> over the real 2022 GIAS export and the real 2019 KS2 tables equals a recount from
/// the files: the trust's members (open schools named in <c>Trusts (name)</c>) joined by URN to the KS2 rows.
/// </summary>
public sealed class PartnershipAttainmentTests(PartnershipAttainmentTests.Imported imported) : IClassFixture<PartnershipAttainmentTests.Imported>
{
    public sealed class Imported : StatementCountingFactory, IAsyncLifetime
    {
        public CsvRecount Gias { get; } = new(RealData.GiasExport2022);

        public List<(CsvRecount File, string[] Row)> Ks2Rows { get; } = new[] { "850", "936" }
            .Select(la => new CsvRecount(RealData.PerformanceTable($"2018-2019_{la}_ks2final.csv"), "utf-8"))
            .SelectMany(f => f.Rows.Select(r => (f, r))).ToList();

        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            foreach (var file in RealData.PerformanceTables.Where(f => f.Contains("ks2", StringComparison.Ordinal))) await ImportAsync("ks2", file);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Query = """
        query($id: ID!, $rule: Boolean!) { node(id: $id) { ... on Partnership { name attainment(keyStage: KS2, year: 2019, measure: "PTRWM_EXP", trustMeasureRule: $rule) {
          members excludedByTrustMeasureRule schoolsCounted schoolsWithValue schoolsSuppressed pupilsCovered mean pupilWeightedMean gap label
          disadvantaged { code schoolsWithValue pupilsCovered pupilWeightedMean } other { code pupilWeightedMean }
          localAuthorities { laCode all { value } disadvantaged { value } } national { all { value } } nationalStateFunded { all { value } }
          schools { urn joined value { status } } } } } }
        """;

    [Fact]
    public async Task A_trusts_pupil_weighted_KS2_result_equals_a_recount_from_the_files()
    {
        var (name, members) = LargestTrust();
        var recount = Recount(members, "PTRWM_EXP", "TELIG");
        var disadvantaged = Recount(members, "PTRWM_EXP_FSM6CLA1A", "TFSM6CLA1A");
        var other = Recount(members, "PTRWM_EXP_NotFSM6CLA1A", "TNotFSM6CLA1A");

        var a = await AttainmentAsync(name, rule: false);

        Assert.Equal(members.Count, (int)a["members"]!);
        Assert.Equal(recount.Schools, (int)a["schoolsCounted"]!);
        Assert.Equal(recount.WithValue, (int)a["schoolsWithValue"]!);
        Assert.Equal(recount.Suppressed, (int)a["schoolsSuppressed"]!);
        Assert.Equal(recount.Pupils, (int)a["pupilsCovered"]!);
        Assert.Equal(Round(recount.WeightedMean), Round((double?)a["pupilWeightedMean"]));
        Assert.Equal(Round(recount.Mean), Round((double?)a["mean"]));
        Assert.Equal(Round(disadvantaged.WeightedMean), Round((double?)a["disadvantaged"]!["pupilWeightedMean"]));
        Assert.Equal(Round(other.WeightedMean), Round((double?)a["other"]!["pupilWeightedMean"]));
        Assert.Equal(Round(disadvantaged.WeightedMean - other.WeightedMean), Round((double?)a["gap"]));
        Assert.StartsWith("Percentage of pupils reaching the expected standard", (string)a["label"]!);
        Assert.True(recount.WithValue >= 3, $"{name}: too few schools with values to be a real check");
    }

    [Fact]
    public async Task The_LA_and_national_figures_are_the_files_benchmark_rows()
    {
        var (name, members) = LargestTrust();
        var a = await AttainmentAsync(name, rule: false);

        var las = imported.Ks2Rows.Where(x => x.File.Value(x.Row, "RECTYPE") == "3")
            .Where(x => imported.Ks2Rows.Any(s => members.ContainsKey(Urn(s)) && s.File.Value(s.Row, "LEA") == x.File.Value(x.Row, "LEA")))
            .Select(x => (x.File.Value(x.Row, "LEA"), Percent(x.File.Value(x.Row, "PTRWM_EXP")), Percent(x.File.Value(x.Row, "PTRWM_EXP_FSM6CLA1A")))).Distinct().OrderBy(x => x.Item1).ToList();
        Assert.Equal(las, a["localAuthorities"]!.AsArray().Select(l => ((string)l!["laCode"]!, (double?)l["all"]!["value"], (double?)l["disadvantaged"]!["value"])).ToList());
        Assert.Equal(Percent(Benchmark("4")), (double?)a["national"]!["all"]!["value"]);
        Assert.Equal(Percent(Benchmark("5")), (double?)a["nationalStateFunded"]!["all"]!["value"]);
    }

    [Fact]
    public async Task The_trust_measure_rule_counts_only_schools_in_the_trust_three_full_years()
    {
        var (name, members) = LargestTrust();
        var cutOff = new DateOnly(2016, 9, 1);
        var early = members.Where(m => m.Value is { } opened && opened <= cutOff).ToDictionary(m => m.Key, m => m.Value);
        var recount = Recount(early, "PTRWM_EXP", "TELIG");

        var a = await AttainmentAsync(name, rule: true);

        Assert.Equal(members.Count - early.Count, (int)a["excludedByTrustMeasureRule"]!);
        Assert.Equal(recount.Schools, (int)a["schoolsCounted"]!);
        Assert.Equal(Round(recount.WeightedMean), Round((double?)a["pupilWeightedMean"]));
        Assert.All(a["schools"]!.AsArray(), s => Assert.True(DateOnly.Parse((string)s!["joined"]!, CultureInfo.InvariantCulture) <= cutOff));
    }

    [Fact]
    public async Task Attainment_for_many_trusts_takes_no_more_statements_than_for_two()
    {
        const string many = """
            query($first: Int!) { partnerships(kinds: [MULTI_ACADEMY_TRUST], first: $first) { nodes { name
              attainment(keyStage: KS2, year: 2019, measure: "PTRWM_EXP") { schoolsCounted pupilWeightedMean gap localAuthorities { laCode } national { all { value } } } } } }
            """;
        var client = imported.CreateClient();
        await client.DataAsync(many, new { first = 2 });

        imported.Statements.Reset();
        var two = await client.DataAsync(many, new { first = 2 });
        var forTwo = imported.Statements.Count;
        imported.Statements.Reset();
        var hundred = await client.DataAsync(many, new { first = 100 });
        var forMany = imported.Statements.Count;

        Assert.Equal(2, two["partnerships"]!["nodes"]!.AsArray().Count);
        Assert.True(hundred["partnerships"]!["nodes"]!.AsArray().Count > 20);
        Assert.Equal(forTwo, forMany);
        Assert.True(forMany <= 5, $"{forMany} statements");
    }

    [Fact]
    public async Task The_comparison_on_real_data_is_a_reproducible_plausible_estimate()
    {
        var (name, members) = LargestTrust();
        const string query = """
            query($id: ID!) { node(id: $id) { ... on Partnership { comparison(keyStage: KS2, measure: "PTRWM_EXP", preYears: [2017, 2018], postYears: [2019]) {
              members membersWithData poolSize pairs estimate standardError confidenceLower confidenceUpper
              matches { distance difference school { urn pre post } match { urn lineage pre post fsm size } } } } } }
            """;
        var id = await TrustIdAsync(name);
        var client = imported.CreateClient();

        var first = (await client.DataAsync(query, new { id }))["node"]!["comparison"]!;
        var second = (await client.DataAsync(query, new { id }))["node"]!["comparison"]!;

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        var pairs = (int)first["pairs"]!;
        Assert.True(pairs >= 3, $"{pairs} pairs");
        var estimate = (double)first["estimate"]!;
        var se = (double)first["standardError"]!;
        Assert.InRange(estimate, -30, 30);
        Assert.InRange(se, 0.01, 15);
        var matches = first["matches"]!.AsArray();
        Assert.All(matches, m => Assert.DoesNotContain((int)m!["match"]!["urn"]!, members.Keys));
        Assert.Equal(pairs, matches.Select(m => (int)m!["match"]!["urn"]!).Distinct().Count());
        Assert.Equal(Round(matches.Average(m => (double)m!["difference"]!)), Round(estimate));
    }

    [Fact]
    public async Task An_umbrella_trust_counts_its_trusts_schools_once_and_only_when_asked()
    {
        var (name, members) = LargestTrust();
        var (first, direct) = (await TrustIdAsync(name), members.Keys.Min());
        var second = await imported.WithStoreAsync(async db => await db.Partnerships
            .Where(p => p.Kind == PartnershipKind.MultiAcademyTrust && p.Name != name).OrderByDescending(p => p.Memberships.Count).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var umbrella = await imported.WithStoreAsync(async db =>
        {
            var network = new Partnership { Kind = PartnershipKind.UmbrellaTrust, Name = "Attainment umbrella", SourceKey = "TEST:ATTAINMENT-UMBRELLA" };
            network.Memberships.AddRange(
                new Membership { MemberPartnershipId = await db.Partnerships.Where(p => p.Kind == PartnershipKind.MultiAcademyTrust && p.Name == name).Select(p => p.Id).SingleAsync(), Source = "test" },
                new Membership { MemberPartnershipId = second, Source = "test" },
                new Membership { EstablishmentUrn = direct, Source = "test" });
            db.Partnerships.Add(network);
            await db.SaveChangesAsync();
            return GlobalId.Encode("Partnership", network.Id);
        });
        const string query = """
            query($id: ID!, $nested: Boolean) { node(id: $id) { ... on Partnership {
              attainment(keyStage: KS2, year: 2019, measure: "PTRWM_EXP", includeNested: $nested) { members schoolsCounted pupilsCovered } } } }
            """;
        async Task<JsonNode> Of(string id, bool nested) => (await imported.CreateClient().DataAsync(query, new { id, nested }))["node"]!["attainment"]!;

        var (a, b) = (await Of(first, false), await Of(GlobalId.Encode("Partnership", second), false));
        var own = await Of(umbrella, false);
        var nested = await Of(umbrella, true);

        Assert.Equal(1, (int)own["members"]!);
        foreach (var field in new[] { "members", "schoolsCounted", "pupilsCovered" }) Assert.Equal((int)a[field]! + (int)b[field]!, (int)nested[field]!);
        Assert.True((int)b["members"]! > 0);
    }

    private Task<string> TrustIdAsync(string trust) =>
        imported.WithStoreAsync(async db => GlobalId.Encode("Partnership", await db.Partnerships.Where(p => p.Kind == PartnershipKind.MultiAcademyTrust && p.Name == trust).Select(p => p.Id).SingleAsync()));

    private async Task<JsonNode> AttainmentAsync(string trust, bool rule)
    {
        var data = await imported.CreateClient().DataAsync(Query, new { id = await TrustIdAsync(trust), rule });
        return data["node"]!["attainment"]!;
    }

    /// <summary>The MAT with the most open members that have a 2019 KS2 value; its members' URNs and open dates.</summary>
    private (string Name, Dictionary<int, DateOnly?> Members) LargestTrust()
    {
        var gias = imported.Gias;
        var valued = imported.Ks2Rows.Where(x => x.File.Value(x.Row, "PTRWM_EXP").EndsWith('%')).Select(Urn).ToHashSet();
        var trusts = gias.GroupBy("Trusts (name)", r => gias.Value(r, "EstablishmentStatus (name)") != "Closed" && gias.Value(r, "TrustSchoolFlag (name)") == "Supported by a multi-academy trust");
        var (key, rows) = trusts.MaxBy(t => (t.Value.Count(r => valued.Contains(int.Parse(gias.Value(r, "URN")))), t.Key));
        var members = rows.ToDictionary(r => int.Parse(gias.Value(r, "URN")), r => OpenDate(gias.Value(r, "OpenDate")));
        return (gias.Value(rows[0], "Trusts (name)"), members);
    }

    private static DateOnly? OpenDate(string text) =>
        DateOnly.TryParseExact(text, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year > 1900 ? d : null;

    private sealed record Count(int Schools, int WithValue, int Suppressed, int Pupils, double? Mean, double? WeightedMean);

    private Count Recount(Dictionary<int, DateOnly?> members, string measure, string weight)
    {
        var rows = imported.Ks2Rows.Where(x => x.File.Value(x.Row, "RECTYPE") is "1" or "2" && members.ContainsKey(Urn(x))).ToList();
        var values = rows.Select(x => (Value: Percent(x.File.Value(x.Row, measure)), Weight: Percent(x.File.Value(x.Row, weight)))).Where(v => v.Value is not null).ToList();
        var weighted = values.Where(v => v.Weight > 0).ToList();
        var pupils = weighted.Sum(v => v.Weight!.Value);
        return new Count(rows.Count, values.Count, rows.Count(x => x.File.Value(x.Row, measure) == "SUPP"), (int)pupils,
            values.Count == 0 ? null : values.Average(v => v.Value!.Value), pupils == 0 ? null : weighted.Sum(v => v.Value!.Value * v.Weight!.Value) / pupils);
    }

    private string Benchmark(string recordType) =>
        imported.Ks2Rows.First(x => x.File.Value(x.Row, "RECTYPE") == recordType) is var (file, row) ? file.Value(row, "PTRWM_EXP") : "";

    private static int Urn((CsvRecount File, string[] Row) x) => int.TryParse(x.File.Value(x.Row, "URN"), out var urn) ? urn : 0;

    private static double? Round(double? value) => value is double v ? Math.Round(v, 9) : null;

    private static double? Percent(string text) =>
        double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
