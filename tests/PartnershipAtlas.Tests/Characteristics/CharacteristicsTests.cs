using System.Globalization;
using PartnershipAtlas.Establishments;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary><c>Establishment.characteristics</c> after importing the real GIAS export, census and absence files: what the files say, markers kept.</summary>
[Trait("Store", "Sqlite")] // national files import row by row on PostgreSQL (minutes each): run once, on SQLite, until ResultSetWriter has a COPY path
public sealed class CharacteristicsTests(CharacteristicsTests.Imported imported) : IClassFixture<CharacteristicsTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public CsvRecount Census { get; } = new(CharacteristicsFiles.Census, "utf-8");
        public CsvRecount Absence { get; } = new(CharacteristicsFiles.Absence, "utf-8");

        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", RealData.GiasSurrey2021); // has Surrey's independent schools, whose census rows are NA
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            await ImportAsync("census", CharacteristicsFiles.Census);
            await ImportAsync("absence", CharacteristicsFiles.Absence);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Query = """
        query($urn: Int!) { establishment(urn: $urn) {
          characteristics { year provisional
            measures(codes: ["NOR", "PNUMFSMEVER", "PSENELSE", "PSENELK", "PNUMEAL", "PERCTOT", "PPERSABS10"]) { code value status raw isPercentage }
            pupils { value } fsmEverPercent { code value status } senSupportPercent { code value } ehcPlanPercent { code value }
            ealPercent { code value status raw } absencePercent { code value } persistentAbsencePercent { code value } }
          characteristicsSeries { year } } }
        """;

    public static TheoryData<string> Authorities => new() { "850", "936" };

    [Theory]
    [MemberData(nameof(Authorities))]
    public async Task A_sample_of_schools_equals_the_census_and_absence_files(string la)
    {
        var census = imported.Census;
        var sample = census.Rows.Where(r => census.Value(r, "LA") == la).Where((_, i) => i % 40 == 0).Take(8).ToList();
        Assert.NotEmpty(sample);
        foreach (var row in sample)
        {
            var urn = int.Parse(census.Value(row, "URN"), CultureInfo.InvariantCulture);
            var school = (await imported.CreateClient().DataAsync(Query, new { urn }))["establishment"];
            if (school is null) continue; // not in the Hampshire/Surrey GIAS export's phases
            var c = school["characteristics"]!;
            Assert.Equal(2019, (int)c["year"]!);
            Assert.False((bool)c["provisional"]!);
            var measures = c["measures"]!.AsArray().ToDictionary(m => (string)m!["code"]!, m => m!);
            foreach (var code in new[] { "NOR", "PNUMFSMEVER", "PSENELSE", "PSENELK", "PNUMEAL" }) AssertCell(census.Value(row, code), measures[code]);
            var absence = imported.Absence.Rows.FirstOrDefault(r => imported.Absence.Value(r, "URN") == urn.ToString(CultureInfo.InvariantCulture));
            foreach (var code in new[] { "PERCTOT", "PPERSABS10" })
            {
                if (absence is null) Assert.Equal("MISSING", (string)measures[code]["status"]!);
                else AssertCell(imported.Absence.Value(absence, code), measures[code]);
            }
            Assert.Equal((double?)measures["PNUMFSMEVER"]["value"], (double?)c["fsmEverPercent"]!["value"]);
            Assert.Equal("PSENELK", (string)c["senSupportPercent"]!["code"]!);
            Assert.Equal("PSENELSE", (string)c["ehcPlanPercent"]!["code"]!);
            Assert.Equal("PPERSABS10", (string)c["persistentAbsencePercent"]!["code"]!);
            Assert.Equal(new[] { 2019 }, school["characteristicsSeries"]!.AsArray().Select(y => (int)y!["year"]!));
        }
    }

    [Fact]
    public async Task NA_in_the_census_is_kept_as_not_applicable()
    {
        var census = imported.Census;
        var row = census.Rows.First(r => census.Value(r, "PNUMEAL") == "NA" && census.Value(r, "LA") is "850" or "936" && InGias(int.Parse(census.Value(r, "URN"), CultureInfo.InvariantCulture)));
        var c = (await imported.CreateClient().DataAsync(Query, new { urn = int.Parse(census.Value(row, "URN"), CultureInfo.InvariantCulture) }))["establishment"]!["characteristics"]!;
        Assert.Equal(("PNUMEAL", "NOT_APPLICABLE", "NA"), ((string)c["ealPercent"]!["code"]!, (string)c["ealPercent"]!["status"]!, (string)c["ealPercent"]!["raw"]!));
        Assert.Null(c["ealPercent"]!["value"]);
    }

    private bool InGias(int urn) => imported.WithStoreAsync(db => Task.FromResult(db.Establishments.Any(e => e.Urn == urn))).Result;

    private static void AssertCell(string published, JsonNode measure)
    {
        if (double.TryParse(published.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            Assert.Equal(("VALUE", number), ((string)measure["status"]!, (double)measure["value"]!));
            return;
        }
        Assert.Null(measure["value"]);
        Assert.Equal(published, (string)measure["raw"]!);
        Assert.NotEqual("VALUE", (string)measure["status"]!);
    }
}
