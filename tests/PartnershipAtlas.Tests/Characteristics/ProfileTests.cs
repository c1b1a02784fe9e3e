using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary><c>Partnership.profile</c> over the real 2022 GIAS export and the 2019 census and absence files equals a recount from the files.</summary>
[Trait("Store", "Sqlite")] // national files import row by row on PostgreSQL (minutes each): run once, on SQLite, until ResultSetWriter has a COPY path
public sealed class ProfileTests(ProfileTests.Imported imported) : IClassFixture<ProfileTests.Imported>
{
    public sealed class Imported : StatementCountingFactory, IAsyncLifetime
    {
        /// <summary>Every part of the profile for a page of 100 trusts costs 1,011: a dashboard asking for all of it raises the limit (docs/characteristics.md).</summary>
        public Imported() => Settings = new Dictionary<string, string> { ["Atlas:Limits:MaxCost"] = "1500" };

        public CsvRecount Gias { get; } = new(RealData.GiasExport2022);
        public CsvRecount Census { get; } = new(CharacteristicsFiles.Census, "utf-8");

        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            await ImportAsync("census", CharacteristicsFiles.Census);
            await ImportAsync("absence", CharacteristicsFiles.Absence);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Query = """
        query($id: ID!) { node(id: $id) { ... on Partnership { profile(year: 2019) {
          members pupils capacity percentFull byPhase { phase members } localAuthorities { laCode laName members } regions { region members }
          fsm: pupilWeighted(code: "PNUMFSMEVER") { value localAuthorities england pupilsCovered schoolsCovered }
          ofstedGrades { grade members } shareGoodOrOutstanding
          ofstedSinceJoining { inspectedSinceJoining inspectedOnlyBefore notInspected joinDateUnknown }
          centroid { easting northing latitude longitude } meanDistanceKm maxDistanceKm } } } }
        """;

    [Fact]
    public async Task A_trusts_pupil_weighted_FSM_ever_LAs_and_Ofsted_equal_a_recount_from_the_files()
    {
        var gias = imported.Gias;
        var trusts = gias.GroupBy("Trusts (name)", r => gias.Value(r, "EstablishmentStatus (name)") != "Closed" && gias.Value(r, "TrustSchoolFlag (name)") == "Supported by a multi-academy trust");
        var rows = trusts.MaxBy(t => (t.Value.Count, t.Key)).Value;
        var profile = await ProfileAsync(PartnershipKind.MultiAcademyTrust, gias.Value(rows[0], "Trusts (name)"));

        Assert.Equal(rows.Count, (int)profile["members"]!);
        var census = imported.Census;
        var censusByUrn = census.Rows.Where(r => r[0] != "NAT").ToDictionary(r => r[0]);
        var weighted = Weighted(rows.Select(r => censusByUrn.GetValueOrDefault(gias.Value(r, "URN"))).OfType<string[]>());
        Assert.Equal(Math.Round(weighted.Mean, 6), Math.Round((double)profile["fsm"]!["value"]!, 6));
        Assert.Equal(weighted.Schools, (int)profile["fsm"]!["schoolsCovered"]!);
        Assert.Equal((int)weighted.Pupils, (int)profile["fsm"]!["pupilsCovered"]!);
        var las = rows.GroupBy(r => gias.Value(r, "LA (code)")).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(las.OrderBy(x => x.Key), profile["localAuthorities"]!.AsArray().Select(l => KeyValuePair.Create((string)l!["laCode"]!, (int)l["members"]!)).OrderBy(x => x.Key));
        var laWeighted = Weighted(census.Rows.Where(r => r[0] != "NAT" && las.ContainsKey(census.Value(r, "LA"))));
        Assert.Equal(Math.Round(laWeighted.Mean, 6), Math.Round((double)profile["fsm"]!["localAuthorities"]!, 6));
        Assert.Equal(Math.Round(Weighted(census.Rows.Where(r => r[0] == "NAT")).Mean, 6), Math.Round((double)profile["fsm"]!["england"]!, 6));
        var grades = rows.GroupBy(r => gias.Value(r, "OfstedRating (name)")).ToDictionary(g => g.Key.Length == 0 ? "(none)" : g.Key, g => g.Count());
        Assert.Equal(grades.OrderBy(x => x.Key), profile["ofstedGrades"]!.AsArray().Select(g => KeyValuePair.Create((string?)g!["grade"] ?? "(none)", (int)g["members"]!)).OrderBy(x => x.Key));
        var since = profile["ofstedSinceJoining"]!;
        Assert.Equal(rows.Count, new[] { "inspectedSinceJoining", "inspectedOnlyBefore", "notInspected", "joinDateUnknown" }.Sum(f => (int)since[f]!));
        // The export gives no join date, so each member counts from its open date (an academy's URN opens as it joins).
        var split = rows.Select(r => (Inspected: Date(gias.Value(r, "OfstedLastInsp")), Opened: Date(gias.Value(r, "OpenDate"))))
            .GroupBy(m => m.Inspected is null ? "notInspected" : m.Opened is null ? "joinDateUnknown" : m.Inspected >= m.Opened ? "inspectedSinceJoining" : "inspectedOnlyBefore")
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(new[] { "inspectedSinceJoining", "inspectedOnlyBefore", "notInspected", "joinDateUnknown" }, f => Assert.Equal(split.GetValueOrDefault(f), (int)since[f]!));
    }

    private static DateOnly? Date(string text) => text.Length == 0 ? null : DateOnly.ParseExact(text, "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_federations_mean_distance_equals_a_recount_from_Easting_and_Northing()
    {
        var gias = imported.Gias;
        var federations = gias.GroupBy("Federations (name)", r => gias.Value(r, "EstablishmentStatus (name)") != "Closed");
        var rows = federations.Where(f => f.Value.Count >= 3).MaxBy(f => (f.Value.Count, f.Key)).Value;
        var profile = await ProfileAsync(PartnershipKind.Federation, gias.Value(rows[0], "Federations (name)"));

        var points = rows.Select(r => (E: double.Parse(gias.Value(r, "Easting"), CultureInfo.InvariantCulture), N: double.Parse(gias.Value(r, "Northing"), CultureInfo.InvariantCulture))).ToList();
        var distances = points.SelectMany((a, i) => points.Skip(i + 1).Select(b => Math.Sqrt(Math.Pow(a.E - b.E, 2) + Math.Pow(a.N - b.N, 2)) / 1000)).ToList();
        Assert.Equal(Math.Round(distances.Average(), 9), Math.Round((double)profile["meanDistanceKm"]!, 9));
        Assert.Equal(Math.Round(distances.Max(), 9), Math.Round((double)profile["maxDistanceKm"]!, 9));
        Assert.Equal(points.Average(p => p.E), (double)profile["centroid"]!["easting"]!, 6);
        Assert.InRange((double)profile["centroid"]!["latitude"]!, 50.7, 51.5); // Hampshire and Surrey
        Assert.InRange((double)profile["centroid"]!["longitude"]!, -1.95, 0.1);
    }

    [Fact]
    public async Task Profiles_of_100_trusts_take_no_more_statements_than_of_two()
    {
        const string many = """
            query($first: Int!) { partnerships(kinds: [MULTI_ACADEMY_TRUST], first: $first) { nodes { name
              profile { members pupils capacity percentFull byPhase { phase members } byTypeGroup { typeGroup members } localAuthorities { laCode members } regions { region members }
                centroid { latitude longitude } meanDistanceKm maxDistanceKm ofstedGrades { grade members } shareGoodOrOutstanding
                ofstedSinceJoining { inspectedSinceJoining inspectedOnlyBefore notInspected }
                fsm: pupilWeighted(code: "PNUMFSMEVER") { value localAuthorities england } absence: pupilWeighted(code: "PERCTOT") { value england } } } } }
            """;
        var client = imported.CreateClient();
        await client.DataAsync(many, new { first = 2 });

        imported.Statements.Reset();
        await client.DataAsync(many, new { first = 2 });
        var forTwo = imported.Statements.Count;
        imported.Statements.Reset();
        var hundred = await client.DataAsync(many, new { first = 100 });
        var forMany = imported.Statements.Count;

        Assert.True(hundred["partnerships"]!["nodes"]!.AsArray().Count > 20);
        Assert.Equal(forTwo, forMany);
        Assert.True(forMany <= 10, $"{forMany} statements");
    }

    [Fact]
    public async Task A_page_of_100_trusts_with_a_dashboards_profile_is_within_the_default_cost_limit()
    {
        await using var defaults = new AtlasFactory();
        var answer = await defaults.CreateClient().DataAsync("""
            { partnerships(kinds: [MULTI_ACADEMY_TRUST], first: 100) { nodes { name profile { members pupils capacity percentFull shareGoodOrOutstanding meanDistanceKm
              localAuthorities { laCode members } ofstedGrades { grade members } fsm: pupilWeighted(code: "PNUMFSMEVER") { value localAuthorities england } } } } }
            """);
        Assert.NotNull(answer["partnerships"]!["nodes"]);
    }

    private async Task<JsonNode> ProfileAsync(PartnershipKind kind, string name)
    {
        var id = await imported.WithStoreAsync(async db => GlobalId.Encode("Partnership", await db.Partnerships.Where(p => p.Kind == kind && p.Name == name).Select(p => p.Id).SingleAsync()));
        return (await imported.CreateClient().DataAsync(Query, new { id }))["node"]!["profile"]!;
    }

    /// <summary>PNUMFSMEVER weighted by NOR over census rows that have both as numbers.</summary>
    private (double Mean, double Pupils, int Schools) Weighted(IEnumerable<string[]> rows)
    {
        var census = imported.Census;
        var pairs = rows.Select(r => (V: Number(census.Value(r, "PNUMFSMEVER")), W: Number(census.Value(r, "NOR")))).Where(p => p.V is not null && p.W > 0).ToList();
        return (pairs.Sum(p => p.V!.Value * p.W!.Value) / pairs.Sum(p => p.W!.Value), pairs.Sum(p => p.W!.Value), pairs.Count);
    }

    private static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
