using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>
/// Schools in reorganised LAs (a small GIAS-format file with the real header names; URNs are test values) and in
/// area networks: a school's LA, opportunity area and investment areas at a date follow the shipped reference lists.
/// </summary>
public sealed class LaReorganisationTests(LaReorganisationTests.Imported imported) : IClassFixture<LaReorganisationTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        private readonly TempCsv gias = new("gias-fixture-20240101.csv",
            "\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentName\",\"EstablishmentStatus (name)\",\"OpenDate\",\"CloseDate\",\"DistrictAdministrative (name)\",\"GOR (name)\"",
            "\"990001\",\"940\",\"North Northamptonshire\",\"Old Northants School\",\"Open\",\"01-09-2000\",\"\",\"North Northamptonshire\",\"East Midlands\"",
            "\"990002\",\"940\",\"North Northamptonshire\",\"New Northants School\",\"Open\",\"01-09-2022\",\"\",\"North Northamptonshire\",\"East Midlands\"",
            "\"990003\",\"839\",\"Bournemouth, Christchurch and Poole\",\"BCP School\",\"Open\",\"01-09-2000\",\"\",\"Bournemouth, Christchurch and Poole\",\"South West\"",
            "\"990004\",\"838\",\"Dorset\",\"Dorset School\",\"Open\",\"01-09-2000\",\"\",\"Dorset\",\"South West\"",
            "\"990005\",\"942\",\"Cumberland\",\"Cumberland School\",\"Open\",\"01-09-2000\",\"\",\"Cumberland\",\"North West\"",
            "\"990006\",\"890\",\"Blackpool\",\"Blackpool School\",\"Open\",\"01-09-2000\",\"\",\"Blackpool\",\"North West\"",
            "\"990007\",\"873\",\"Cambridgeshire\",\"Fenland School\",\"Open\",\"01-09-2000\",\"\",\"Fenland\",\"East of England\"",
            "\"990008\",\"873\",\"Cambridgeshire\",\"Cambridge School\",\"Open\",\"01-09-2000\",\"\",\"Cambridge\",\"East of England\"",
            "\"990009\",\"890\",\"Blackpool\",\"Closed Blackpool School\",\"Closed\",\"01-09-2000\",\"31-08-2019\",\"Blackpool\",\"North West\"");

        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", gias.Path);
            await ReferenceData.ImportAllAsync(this);
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            gias.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly CsvRecount LaCodes = ReferenceData.Read(ReferenceData.LaCodes);

    private static string LaName(string code) => LaCodes.Value(LaCodes.Rows.Single(r => LaCodes.Value(r, "la_code") == code), "la_name");

    public static TheoryData<int, string, string?> LaAtDate => new()
    {
        { 990001, "2020-01-01", "928" }, { 990001, "2022-01-01", "940" },
        { 990002, "2023-01-01", "940" },
        { 990003, "2018-01-01", null }, { 990003, "2020-01-01", "839" },
        { 990004, "2018-01-01", "835" }, { 990004, "2020-01-01", "838" },
        { 990005, "2022-01-01", "909" }, { 990005, "2024-01-01", "942" },
    };

    [Theory]
    [MemberData(nameof(LaAtDate))]
    public async Task A_schools_LA_at_a_date_follows_the_reorganisation(int urn, string asOf, string? laCode)
    {
        var networks = await PartnershipsAsync(urn, asOf, "LOCAL_AUTHORITY");

        Assert.Equal(laCode is null ? [] : [LaName(laCode)], networks);
    }

    public static TheoryData<int, string> AreaCases => new()
    {
        { 990006, "2018-01-01" }, { 990006, "2023-01-01" }, { 990007, "2018-01-01" }, { 990007, "2023-01-01" },
        { 990008, "2018-01-01" }, { 990008, "2023-01-01" }, { 990009, "2018-01-01" }, { 990009, "2020-01-01" }, { 990001, "2023-01-01" },
    };

    [Theory]
    [MemberData(nameof(AreaCases))]
    public async Task A_schools_area_networks_at_a_date_are_those_the_lists_give_its_LA_and_district(int urn, string asOf)
    {
        var school = (await imported.CreateClient().DataAsync($"{{ establishment(urn: {urn}) {{ laCode district closeDate }} }}"))["establishment"]!;
        var (laCode, district, closed) = (school["laCode"]!.GetValue<string>(), school["district"]!.GetValue<string>(), school["closeDate"]?.GetValue<string>());
        var expected = new[] { ReferenceData.OpportunityAreas, ReferenceData.EducationInvestmentAreas, ReferenceData.PriorityEducationInvestmentAreas }
            .SelectMany(path => Recount(ReferenceData.Read(path), laCode, district, asOf))
            .Where(_ => closed is null || string.Compare(asOf, closed, StringComparison.Ordinal) < 0)
            .Order().ToList();

        var actual = await PartnershipsAsync(urn, asOf, "OPPORTUNITY_AREA", "EDUCATION_INVESTMENT_AREA", "PRIORITY_EDUCATION_INVESTMENT_AREA");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Area_networks_list_their_derived_members()
    {
        var data = await imported.CreateClient().DataAsync(
            "{ partnerships(kinds: [OPPORTUNITY_AREA], first: 12) { nodes { name memberCount(asOf: \"2018-01-01\") members(asOf: \"2018-01-01\", first: 10) { nodes { source establishment { urn } } } } } }");

        var blackpool = data["partnerships"]!["nodes"]!.AsArray().Single(n => n!["name"]!.GetValue<string>().StartsWith("Blackpool", StringComparison.Ordinal))!;
        Assert.Equal(2, blackpool["memberCount"]!.GetValue<int>());
        Assert.All(blackpool["members"]!["nodes"]!.AsArray(), m => Assert.Equal("area-derived", m!["source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_teaching_school_hub_area_file_gives_the_hub_the_schools_of_its_area()
    {
        using var hubs = new TempCsv("teaching-school-hubs-test.csv",
            "kind,area_key,area_name,la_code,district,valid_from,valid_to,source,as_of",
            "TEACHING_SCHOOL_HUB,TSH:TEST,Test hub (format test; not a published hub),890,,2021-09-01,,test fixture,2021-09-01");

        var run = await imported.ImportAsync("area-networks", hubs.Path);
        var served = await PartnershipsAsync(990006, "2022-01-01", "TEACHING_SCHOOL_HUB");
        var before = await PartnershipsAsync(990006, "2021-01-01", "TEACHING_SCHOOL_HUB");
        var elsewhere = await PartnershipsAsync(990007, "2022-01-01", "TEACHING_SCHOOL_HUB");

        Assert.Equal(PartnershipAtlas.Imports.ImportStatus.Succeeded, run.Status);
        const string TestHub = "Test hub (format test; not a published hub)";
        Assert.Contains(TestHub, served);
        Assert.DoesNotContain(TestHub, before);
        Assert.DoesNotContain(TestHub, elsewhere);
    }

    /// <summary>The areas whose rows in a list cover this LA and district on the date.</summary>
    private static IEnumerable<string> Recount(CsvRecount list, string laCode, string district, string asOf) => list.Rows
        .Where(r => list.Value(r, "la_code") == laCode && (list.Value(r, "district") is "" || list.Value(r, "district") == district))
        .Where(r => string.Compare(list.Value(r, "valid_from"), asOf, StringComparison.Ordinal) <= 0
            && (list.Value(r, "valid_to") is "" || string.Compare(asOf, list.Value(r, "valid_to"), StringComparison.Ordinal) < 0))
        .Select(r => list.Value(r, "area_name"))
        .Distinct();

    private async Task<List<string>> PartnershipsAsync(int urn, string asOf, params string[] kinds)
    {
        var data = await imported.CreateClient().DataAsync(
            $"{{ establishment(urn: {urn}) {{ partnerships(asOf: \"{asOf}\", kinds: [{string.Join(", ", kinds)}]) {{ name }} }} }}");
        return data["establishment"]!["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ToList();
    }
}
