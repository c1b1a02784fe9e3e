using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary>The <c>census</c>, <c>absence</c> and <c>workforce</c> datasets on the real files: years, markers, refusals.</summary>
[Trait("Store", "Sqlite")] // national files import row by row on PostgreSQL (minutes each): run once, on SQLite, until ResultSetWriter has a COPY path
public sealed class SchoolTablesImportTests
{
    [Fact]
    public async Task The_national_census_imports_with_its_year_and_England_per_phase()
    {
        await using var factory = new AtlasFactory();
        var run = await factory.ImportAsync("census", CharacteristicsFiles.Census);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(2019, run.Year);
        var file = new CsvRecount(CharacteristicsFiles.Census, "utf-8");
        Assert.Equal(file.Rows.Count, run.RowsRead);
        Assert.Equal(file.Rows.Count, run.RowsInserted);
        var national = await factory.WithStoreAsync(db => db.ResultSets.Where(r => r.KeyStage == KeyStage.Census && r.Level == ResultLevel.National).Select(r => r.Key).ToListAsync());
        Assert.Equal(new[] { "ENGLAND:PRI", "ENGLAND:SEC", "ENGLAND:SPE" }, national.Order());
        var recorded = await factory.WithStoreAsync(db => db.ImportRuns.SingleAsync(r => r.Id == run.Id));
        Assert.Equal(2019, recorded.Year);
    }

    [Fact]
    public async Task KS4_destinations_keep_their_percentages_and_markers_per_school_LA_and_England()
    {
        await using var factory = new AtlasFactory();
        var run = await factory.ImportAsync("ks4-destinations", CharacteristicsFiles.Destinations);

        Assert.Equal((ImportStatus.Succeeded, (int?)2019), (run.Status, run.Year));
        var file = new CsvRecount(CharacteristicsFiles.Destinations, "utf-8");
        Assert.Equal(file.Rows.Count, run.RowsInserted);
        var levels = await factory.WithStoreAsync(db => db.ResultSets.Where(r => r.KeyStage == KeyStage.Ks4Destinations).GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(file.Rows.Count(r => r[0] == "LA"), levels.Single(l => l.Key == ResultLevel.LocalAuthority).Count);
        Assert.Equal(1, levels.Single(l => l.Key == ResultLevel.National).Count);
        var row = file.Rows.First(r => r[0] == "1" && file.Value(r, "OVERALL_DESTPER").EndsWith('%') && file.Value(r, "SCH_6TH_DIS") == "SUPP");
        var urn = int.Parse(file.Value(row, "URN"));
        var stored = await factory.WithStoreAsync(db => (from r in db.ResultSets
                                                         where r.KeyStage == KeyStage.Ks4Destinations && r.Urn == urn
                                                         join v in db.MeasureValues on r.Id equals v.ResultSetId
                                                         join m in db.Measures on v.MeasureId equals m.Id
                                                         where m.Code == "OVERALL_DESTPER" || m.Code == "SCH_6TH_DIS"
                                                         select new { m.Code, v.Value, v.Status, v.Raw, m.IsPercentage }).ToDictionaryAsync(x => x.Code));
        Assert.Equal(double.Parse(file.Value(row, "OVERALL_DESTPER").TrimEnd('%')), stored["OVERALL_DESTPER"].Value);
        Assert.True(stored["OVERALL_DESTPER"].IsPercentage);
        Assert.Equal((MeasureStatus.Suppressed, (double?)null, "SUPP"), (stored["SCH_6TH_DIS"].Status, stored["SCH_6TH_DIS"].Value, stored["SCH_6TH_DIS"].Raw));
    }

    [Fact]
    public async Task The_older_absence_layout_needs_its_year_and_keeps_the_15_percent_measure_apart()
    {
        await using (var withoutYear = new AtlasFactory())
        {
            var refused = await withoutYear.ImportAsync("absence", CharacteristicsFiles.AbsenceOlder);
            Assert.Equal(ImportStatus.Failed, refused.Status);
            Assert.Contains("--year", refused.Message);
            Assert.Equal(0, await withoutYear.WithStoreAsync(db => db.ResultSets.CountAsync()));
        }
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string> { ["Atlas:Import:Year"] = "2013" } };
        var run = await factory.ImportAsync("absence", CharacteristicsFiles.AbsenceOlder);
        Assert.Equal((ImportStatus.Succeeded, (int?)2013), (run.Status, run.Year));
        var file = new CsvRecount(CharacteristicsFiles.AbsenceOlder, "utf-8");
        var suppressed = file.Rows.Count(r => file.Value(r, "PPERSABS15") == "SUPP");
        var stored = await factory.WithStoreAsync(db => (from v in db.MeasureValues
                                                         join m in db.Measures on v.MeasureId equals m.Id
                                                         where m.KeyStage == KeyStage.Absence && m.Code == "PPERSABS15" && v.Status == MeasureStatus.Suppressed
                                                         select v.Raw).ToListAsync());
        Assert.True(suppressed > 0);
        Assert.Equal(suppressed, stored.Count);
        Assert.All(stored, raw => Assert.Equal("SUPP", raw));
        Assert.False(await factory.WithStoreAsync(db => db.Measures.AnyAsync(m => m.KeyStage == KeyStage.Absence && m.Code == "PPERSABS10")));
    }

    [Fact]
    public Task A_census_file_with_no_year_is_refused_and_the_store_is_unchanged() => RefusedAsync(folder =>
    {
        var copy = Path.Combine(folder, "england_census.csv");
        File.Copy(CharacteristicsFiles.Census, copy);
        return copy;
    }, "the year is neither in the folder name");

    [Fact]
    public Task A_census_file_without_a_required_column_is_refused_and_the_store_is_unchanged() => RefusedAsync(folder =>
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "2018-2019")).FullName, "england_census.csv");
        File.WriteAllLines(path, File.ReadAllLines(CharacteristicsFiles.Census).Take(50).Select(l => string.Join(',', l.Split(',')[..^1])));
        return path;
    }, "missing required column 'PNUMFSMEVER'");

    /// <summary>Writes a census file in a folder of its own, imports it on a store holding the absence file, and checks it is refused and nothing changed.</summary>
    private static async Task RefusedAsync(Func<string, string> write, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("atlas-census-").FullName;
        try
        {
            var path = write(folder);
            await using var factory = new AtlasFactory();
            await factory.ImportAsync("absence", CharacteristicsFiles.Absence);
            var before = await CountsAsync(factory);

            var run = await factory.ImportAsync("census", path);

            Assert.Equal(ImportStatus.Failed, run.Status);
            Assert.Contains(reason, run.Message);
            Assert.Equal(before, await CountsAsync(factory));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_truncated_workforce_file_is_refused_whole_with_the_line_and_reason()
    {
        await using var factory = new AtlasFactory { Settings = new Dictionary<string, string> { ["Atlas:Import:Year"] = "2019" } };
        await factory.ImportAsync("absence", CharacteristicsFiles.Absence);
        var before = await CountsAsync(factory);

        var run = await factory.ImportAsync("workforce", CharacteristicsFiles.WorkforceTruncated);

        Assert.Equal(ImportStatus.Failed, run.Status);
        var lines = File.ReadAllLines(CharacteristicsFiles.WorkforceTruncated).Length;
        Assert.Contains($"ends inside its last record (line {lines})", run.Message);
        Assert.Equal(before, await CountsAsync(factory));
        Assert.False(await factory.WithStoreAsync(db => db.ResultSets.AnyAsync(r => r.KeyStage == KeyStage.Workforce)));
    }

    private static Task<(int Sets, int Values, int Measures)> CountsAsync(AtlasFactory factory) => factory.WithStoreAsync(async db =>
        (await db.ResultSets.CountAsync(), await db.MeasureValues.CountAsync(), await db.Measures.CountAsync()));
}
