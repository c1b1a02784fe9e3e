using System.Globalization;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// <c>import partnerships FILE</c> over the real 2022 Hampshire and Surrey schools: every hand-kept kind, non-school
/// members, reviews, a school moving between networks, growth over time; bad files are refused whole.
/// </summary>
public sealed class PartnershipsFileTests(PartnershipsFileTests.Imported imported) : IClassFixture<PartnershipsFileTests.Imported>
{
    public const string Header = "record,partnership_key,kind,name,federation_type,denomination,open_date,close_date,urn,organisation,organisation_kind,role,joined,left,review_date,review_kind,reviewer_urn,reviewed_urn,focus,outcome";

    /// <summary>The kinds this file gives one network each (the GIAS and area kinds have their own tests).</summary>
    public static readonly string[] FileKinds =
    [
        "TEACHING_SCHOOL_ALLIANCE", "TEACHING_SCHOOL_HUB", "RESEARCH_SCHOOL_NETWORK", "PROGRAMME_CLUSTER", "THEMATIC", "SUBJECT",
        "UNIVERSITY_PARTNERSHIP", "OTHER", "UMBRELLA_TRUST", "SECURE_SINGLE_ACADEMY_TRUST", "FOUNDATION_TRUST", "FEDERATION",
    ];

    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public int[] Urns { get; private set; } = [];

        public TempCsv File { get; private set; } = null!;

        public ImportRun Run { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var export = new CsvRecount(RealData.GiasExport2022);
            Urns = export.Rows.Where(r => export.Value(r, "EstablishmentStatus (name)") == "Open").Select(r => int.Parse(export.Value(r, "URN"), CultureInfo.InvariantCulture)).Take(20).ToArray();
            var lines = new List<string> { Header };
            for (var i = 0; i < FileKinds.Length; i++)
            {
                var federation = FileKinds[i] == "FEDERATION" ? "SOFT" : "";
                lines.Add($"partnership,K{i},{FileKinds[i]},Network {FileKinds[i]},{federation},,2019-09-01,,,,,,,,,,,,,");
                lines.Add($"member,K{i},,,,,,,{Urns[i]},,,LEAD,2019-09-01,,,,,,,");
                lines.Add($"member,K{i},,,,,,,{Urns[i + 1]},,,MEMBER,2020-01-01,,,,,,,");
            }
            lines.Add($"member,K3,,,,,,,,University of Southampton,UNIVERSITY,DELIVERY_PARTNER,2019-09-01,,,,,,,");
            lines.Add($"member,K3,,,,,,,,Education Endowment Foundation,FUNDER,FUNDER,2019-09-01,2021-08-31,,,,,,");
            lines.Add($"member,K4,,,,,,,{Urns[15]},,,MEMBER,2019-09-01,2020-09-01,,,,,,");
            lines.Add($"member,K5,,,,,,,{Urns[15]},,,MEMBER,2020-09-01,,,,,,,");
            lines.Add($"review,K3,,,,,,,,,,,,,2020-03-01,SELF_REVIEW,{Urns[3]},{Urns[3]},Reading,Action plan agreed");
            lines.Add($"review,K3,,,,,,,,,,,,,2020-05-01,PEER_REVIEW,{Urns[3]},{Urns[4]},\"Reading, writing\",Strengths and next steps");
            File = new TempCsv("partnerships.csv", [.. lines]);
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            Run = await ImportAsync("partnerships", File.Path);
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            File.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<int> KindIndexes => [.. Enumerable.Range(0, FileKinds.Length)];

    [Theory]
    [MemberData(nameof(KindIndexes))]
    public async Task Each_kind_is_queryable_by_kind_and_from_its_member_at_a_date(int index)
    {
        var kind = FileKinds[index];
        var lead = imported.Urns[index];
        var client = imported.CreateClient();

        var byKind = await client.AllNodesAsync("partnerships", $"kinds: [{kind}]", "name federationType");
        var before = await PartnershipsOfAsync(lead, "2019-08-31", kind);
        var after = await PartnershipsOfAsync(lead, "2019-09-01", kind);

        Assert.Equal(ImportStatus.Succeeded, imported.Run.Status);
        Assert.Contains(byKind, n => n["name"]!.GetValue<string>() == $"Network {kind}");
        Assert.Empty(before);
        Assert.Equal([$"Network {kind}"], after);
        if (kind == "FEDERATION") Assert.Equal("SOFT", byKind.Single(n => n["name"]!.GetValue<string>() == $"Network {kind}")["federationType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_partnership_kind_has_a_source_path_under_test()
    {
        var data = await imported.CreateClient().DataAsync("{ __type(name: \"PartnershipKind\") { enumValues { name } } }");
        var all = data["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToHashSet();
        var gias = GiasPartnershipCountTests.Kinds.Select(k => (string)k[0]);
        var areas = Reference.ReferenceListsTests.AreaLists.Select(k => (string)k[0]);

        Assert.Equal(all.Order(), gias.Concat(areas).Concat(FileKinds).Distinct().Order());
    }

    [Fact]
    public async Task Non_school_members_and_reviews_are_listed_with_the_network()
    {
        var id = await IdOfAsync("PROGRAMME_CLUSTER");
        var data = await imported.CreateClient().DataAsync(
            "query($id: ID!) { node(id: $id) { ... on Partnership { members(asOf: \"2020-06-01\") { nodes { role organisation { name kind } establishment { urn } } } reviews { date kind reviewerUrn reviewedUrn focus outcome } } } }",
            new { id });

        var members = data["node"]!["members"]!["nodes"]!.AsArray();
        Assert.Contains(members, m => m!["organisation"]?["name"]?.GetValue<string>() == "University of Southampton" && m["role"]!.GetValue<string>() == "DELIVERY_PARTNER" && m["organisation"]!["kind"]!.GetValue<string>() == "UNIVERSITY");
        Assert.Contains(members, m => m!["organisation"]?["kind"]?.GetValue<string>() == "FUNDER");
        var reviews = data["node"]!["reviews"]!.AsArray();
        Assert.Equal(["SELF_REVIEW", "PEER_REVIEW"], reviews.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal("Reading, writing", reviews[1]!["focus"]!.GetValue<string>());
        Assert.Equal(imported.Urns[4], reviews[1]!["reviewedUrn"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_school_that_left_one_network_and_joined_another_answers_by_date()
    {
        var urn = imported.Urns[15];

        var before = await PartnershipsOfAsync(urn, "2020-08-31", "THEMATIC", "SUBJECT");
        var after = await PartnershipsOfAsync(urn, "2020-09-01", "THEMATIC", "SUBJECT");

        Assert.Equal(["Network THEMATIC"], before);
        Assert.Equal(["Network SUBJECT"], after);
    }

    [Fact]
    public async Task Member_count_series_equals_a_recount_of_the_file()
    {
        var file = new CsvRecount(imported.File.Path, "utf-8");
        var rows = file.Rows.Where(r => file.Value(r, "record") == "member" && file.Value(r, "partnership_key") == "K3").ToList();
        var id = await IdOfAsync("PROGRAMME_CLUSTER");

        var data = await imported.CreateClient().DataAsync(
            "query($id: ID!) { node(id: $id) { ... on Partnership { memberCountSeries(from: \"2019-06-01\", to: \"2021-12-01\", interval: QUARTER) { date count } } } }", new { id });

        var series = data["node"]!["memberCountSeries"]!.AsArray();
        Assert.Equal(11, series.Count);
        foreach (var point in series)
        {
            var date = point!["date"]!.GetValue<string>();
            var expected = rows.Count(r => string.CompareOrdinal(file.Value(r, "joined"), date) <= 0 && (file.Value(r, "left") is "" || string.CompareOrdinal(date, file.Value(r, "left")) < 0));
            Assert.True(expected == point["count"]!.GetValue<int>(), $"{date}: expected {expected}, API says {point["count"]}");
        }
    }

    [Fact]
    public async Task Overlaps_count_schools_only_when_organisations_are_members_too()
    {
        var data = await imported.CreateClient().DataAsync(
            "{ overlapMatrix(kinds: [PROGRAMME_CLUSTER, THEMATIC], asOf: \"2020-06-01\") { kind otherKind sharedSchools } " +
            "multiNetworkEstablishments(kinds: [PROGRAMME_CLUSTER, THEMATIC], minNetworks: 2, asOf: \"2020-06-01\") { totalCount } }");

        Assert.NotNull(data["overlapMatrix"]);
        Assert.Equal(1, data["multiNetworkEstablishments"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_series_that_ends_before_it_starts_is_a_clear_error()
    {
        var id = await IdOfAsync("PROGRAMME_CLUSTER");

        var result = await imported.CreateClient().QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Partnership { memberCountSeries(from: \"2021-01-01\", to: \"2020-01-01\", interval: MONTH) { count } } } }", new { id });

        Assert.Equal("INVALID_DATE_RANGE", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("is before", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "partnership,B1,PROGRAMME_CLUSTER,Bad,,,,,,,,,,,,,,,,\nmember,B1,,,,,,,999999999,,,MEMBER,2020-01-01,,,,,,,", "line 3: URN 999999999 is not a known establishment" },
        { "partnership,B1,PROGRAMME_CLUSTER,Bad,,,,,,,,,,,,,,,,\nmember,B1,,,,,,,{0},,,MEMBER,2020-01-01,2021-01-01,,,,,,\nmember,B1,,,,,,,{0},,,LEAD,2020-06-01,,,,,,,", "line 4: URN {0} is already a member from 2020-01-01 to 2021-01-01, which overlaps 2020-06-01 to (open)" },
        { "partnership,B1,PROGRAMME_CLUSTER,Bad,,,,,,,,,,,,,,,,\nmember,B1,,,,,,,{0},,,MEMBER,2021-01-01,2020-01-01,,,,,,", "line 3: left 2020-01-01 is not after joined 2021-01-01" },
        { "member,NOPE,,,,,,,{0},,,MEMBER,2020-01-01,,,,,,,", "line 2: partnership NOPE is neither in this file nor imported before" },
        { "partnership,B1,OPPORTUNITY_AREA,Bad,,,,,,,,,,,,,,,,", "line 2: OPPORTUNITY_AREA networks take their members from establishments' LA or district" },
        { "partnership,B1,PROGRAMME_CLUSTER,Bad,,,,,,,,,,,,,,,,\nmember,B1,,,,,,,{0},Some Charity,CHARITY,MEMBER,2020-01-01,,,,,,,", "line 3: a member row names exactly one of urn, organisation and member_partnership_key" },
        { "partnership,K0,PROGRAMME_CLUSTER,Renamed,,,,,,,,,,,,,,,,\nreview,K0,,,,,,,,,,,,,2020-01-01,PEER_REVIEW,{0},999999999,,", "line 3: URN 999999999 is not a known establishment" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_partnerships_file_is_refused_with_its_line_and_changes_nothing(string body, string expected)
    {
        var urn = imported.Urns[0].ToString(CultureInfo.InvariantCulture);
        using var file = new TempCsv("bad-partnerships.csv", [Header, .. string.Format(CultureInfo.InvariantCulture, body, urn).Split('\n')]);
        var before = await StateAsync();

        var run = await imported.ImportAsync("partnerships", file.Path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, expected, urn), run.Message);
        Assert.Equal(before, await StateAsync());
    }

    private Task<string> StateAsync() => imported.WithStoreAsync(async db =>
        string.Join("|", await imported.CountRowsAsync(), db.Organisations.Count(), db.Reviews.Count(),
            string.Join(",", db.Partnerships.OrderBy(p => p.Id).Select(p => p.Name + p.Kind))));

    private async Task<string> IdOfAsync(string kind) =>
        (await imported.CreateClient().AllNodesAsync("partnerships", $"kinds: [{kind}]", "id name")).Single(n => n["name"]!.GetValue<string>() == $"Network {kind}")["id"]!.GetValue<string>();

    private async Task<List<string>> PartnershipsOfAsync(int urn, string asOf, params string[] kinds)
    {
        var data = await imported.CreateClient().DataAsync(
            $"{{ establishment(urn: {urn}) {{ partnerships(asOf: \"{asOf}\", kinds: [{string.Join(", ", kinds)}]) {{ name }} }} }}");
        return data["establishment"]!["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ToList();
    }
}
