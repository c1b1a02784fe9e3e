using System.Globalization;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Attainment;

/// <summary><c>Establishment.results</c> after importing the real GIAS export and KS2/KS4 tables: what the files say, markers included.</summary>
public sealed class SchoolResultsTests(SchoolResultsTests.Imported imported) : IClassFixture<SchoolResultsTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public CsvRecount Ks2 { get; } = new(RealData.PerformanceTable("2018-2019_936_ks2final.csv"), "utf-8");
        public CsvRecount Ks4 { get; } = new(RealData.PerformanceTable("2018-2019_936_ks4final.csv"), "utf-8");

        public HashSet<int> GiasUrns { get; } = new CsvRecount(RealData.GiasExport2022).Rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToHashSet();

        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            foreach (var file in RealData.PerformanceTables.Where(f => f.Contains("_936_", StringComparison.Ordinal)))
            {
                await ImportAsync(file.Contains("ks2", StringComparison.Ordinal) ? "ks2" : "ks4", file);
            }
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Ks2Query = """
        query($urn: Int!) { establishment(urn: $urn) { results(keyStage: KS2, year: 2019) {
          year urn cohort disadvantagedCohort
          all: ks2 { ptrwmExp { value status label isPercentage } readProg { value lower upper } }
          disadvantaged: ks2(pupils: DISADVANTAGED) { ptrwmExp { code value status raw } }
          other: ks2(pupils: OTHER) { ptrwmExp { code value status } }
          measures(codes: ["PTRWM_EXP", "AGERANGE"]) { code value status raw } } } }
        """;

    [Fact]
    public async Task KS2_headlines_equal_the_file()
    {
        var file = imported.Ks2;
        var row = file.Rows.First(r => InStore(file, r) && file.Value(r, "PTRWM_EXP").EndsWith('%') && Number(file.Value(r, "READPROG")) is not null
            && file.Value(r, "PTRWM_EXP_FSM6CLA1A") == "SUPP");

        var result = (await imported.CreateClient().DataAsync(Ks2Query, new { urn = Urn(file, row) }))["establishment"]!["results"]!.AsArray().Single()!;

        Assert.Equal(int.Parse(file.Value(row, "TELIG")), (int)result["cohort"]!);
        Assert.Equal(int.Parse(file.Value(row, "TFSM6CLA1A")), (int)result["disadvantagedCohort"]!);
        var all = result["all"]!;
        Assert.Equal(Number(file.Value(row, "PTRWM_EXP")), (double)all["ptrwmExp"]!["value"]!);
        Assert.Equal("VALUE", (string)all["ptrwmExp"]!["status"]!);
        Assert.True((bool)all["ptrwmExp"]!["isPercentage"]!);
        Assert.StartsWith("Percentage of pupils reaching the expected standard in reading, writing and maths", (string)all["ptrwmExp"]!["label"]!);
        Assert.Equal(Number(file.Value(row, "READPROG")), (double)all["readProg"]!["value"]!);
        Assert.Equal(Number(file.Value(row, "READPROG_LOWER")), (double)all["readProg"]!["lower"]!);
        Assert.Equal(Number(file.Value(row, "READPROG_UPPER")), (double)all["readProg"]!["upper"]!);
        var disadvantaged = result["disadvantaged"]!["ptrwmExp"]!;
        Assert.Equal("PTRWM_EXP_FSM6CLA1A", (string)disadvantaged["code"]!);
        Assert.Equal("SUPPRESSED", (string)disadvantaged["status"]!);
        Assert.Null(disadvantaged["value"]);
        Assert.Equal("SUPP", (string)disadvantaged["raw"]!);
        Assert.Equal("PTRWM_EXP_NotFSM6CLA1A", (string)result["other"]!["ptrwmExp"]!["code"]!);
        Assert.Equal(Number(file.Value(row, "PTRWM_EXP_NotFSM6CLA1A")), (double?)result["other"]!["ptrwmExp"]!["value"]);
        var ageRange = result["measures"]!.AsArray().Single(m => (string)m!["code"]! == "AGERANGE")!;
        Assert.Equal(("TEXT", file.Value(row, "AGERANGE")), ((string)ageRange["status"]!, (string)ageRange["raw"]!));
    }

    [Fact]
    public async Task KS4_progress_8_has_its_confidence_limits()
    {
        var file = imported.Ks4;
        var row = file.Rows.First(r => InStore(file, r) && Number(file.Value(r, "P8MEA")) is not null && Number(file.Value(r, "P8MEA_FSM6CLA1A")) is not null);

        var result = (await imported.CreateClient().DataAsync("""
            query($urn: Int!) { establishment(urn: $urn) { results(keyStage: KS4, year: 2019) { cohort ks2 { ptrwmExp { value } }
              ks4 { att8Scr { value } p8Mea { value lower upper } ptebaccEPtqEe { value } }
              disadvantaged: ks4(pupils: DISADVANTAGED) { p8Mea { code value lower upper } } } } }
            """, new { urn = Urn(file, row) }))["establishment"]!["results"]!.AsArray().Single()!;

        Assert.Null(result["ks2"]);
        Assert.Equal(int.Parse(file.Value(row, "TPUP")), (int)result["cohort"]!);
        var ks4 = result["ks4"]!;
        Assert.Equal(Number(file.Value(row, "ATT8SCR")), (double?)ks4["att8Scr"]!["value"]);
        Assert.Equal(Number(file.Value(row, "PTEBACC_E_PTQ_EE")), (double?)ks4["ptebaccEPtqEe"]!["value"]);
        Assert.Equal((Number(file.Value(row, "P8MEA")), Number(file.Value(row, "P8CILOW")), Number(file.Value(row, "P8CIUPP"))),
            ((double?)ks4["p8Mea"]!["value"], (double?)ks4["p8Mea"]!["lower"], (double?)ks4["p8Mea"]!["upper"]));
        var d = result["disadvantaged"]!["p8Mea"]!;
        Assert.Equal((Number(file.Value(row, "P8MEA_FSM6CLA1A")), Number(file.Value(row, "P8CILOW_FSM6CLA1A")), Number(file.Value(row, "P8CIUPP_FSM6CLA1A"))),
            ((double?)d["value"], (double?)d["lower"], (double?)d["upper"]));
    }

    [Fact]
    public async Task A_new_school_follows_its_lineage_to_its_predecessors_results()
    {
        var file = imported.Ks2;
        var row = file.Rows.First(r => r[^1].Trim() == "NEW" && InStore(file, r));
        var urn = Urn(file, row);
        var links = new CsvRecount(RealData.GiasLinks2023);
        var link = links.Rows.First(l => links.Value(l, "URN") == urn.ToString(CultureInfo.InvariantCulture) && links.Value(l, "LinkType").StartsWith("Predecessor", StringComparison.Ordinal));
        var predecessor = int.Parse(links.Value(link, "LinkURN"));
        var expectedYears = new[] { "2016-2017", "2017-2018" }.Where(y => Urns(new CsvRecount(RealData.PerformanceTable($"{y}_936_ks2final.csv"), "utf-8")).Contains(predecessor))
            .Select(y => (int.Parse(y[5..]), predecessor)).Append((2019, urn)).ToList();
        await imported.WithStoreAsync(async db =>
        {
            db.EstablishmentLinks.Add(new EstablishmentLink { Urn = urn, LinkedUrn = predecessor, LinkedName = links.Value(link, "LinkName"), LinkType = links.Value(link, "LinkType") });
            return await db.SaveChangesAsync();
        });

        var data = await imported.CreateClient().DataAsync("""
            query($urn: Int!) { establishment(urn: $urn) { own: results(keyStage: KS2) { year urn isNewInstitution ks2 { ptrwmExp { status } } }
              series: results(keyStage: KS2, followLineage: true) { year urn } } }
            """, new { urn });

        var own = data["establishment"]!["own"]!.AsArray().Single()!;
        Assert.True((bool)own["isNewInstitution"]!);
        Assert.Equal("NEW_INSTITUTION", (string)own["ks2"]!["ptrwmExp"]!["status"]!);
        var series = data["establishment"]!["series"]!.AsArray().Select(r => ((int)r!["year"]!, (int)r["urn"]!)).ToList();
        Assert.Equal(expectedYears, series);
        Assert.True(series.Count > 1);
    }

    private bool InStore(CsvRecount file, string[] row) =>
        file.Value(row, "RECTYPE") == "1" && imported.GiasUrns.Contains(Urn(file, row));

    private static int Urn(CsvRecount file, string[] row) => int.Parse(file.Value(row, "URN"), CultureInfo.InvariantCulture);

    private static HashSet<int> Urns(CsvRecount file) => file.Rows.Where(r => file.Value(r, "RECTYPE") is "1" or "2").Select(r => Urn(file, r)).ToHashSet();

    private static double? Number(string text) =>
        double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
