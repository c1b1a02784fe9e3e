using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Attainment;

/// <summary>Every real performance table imports whole; the store holds each cell with its status, as a recount of the file says.</summary>
public sealed class PerformanceTablesImportTests
{
    public static TheoryData<string> RealTables => new(RealData.PerformanceTables.Select(Path.GetFileName)!);

    [Fact]
    public void The_real_performance_tables_are_the_eleven_SOURCES_lists()
    {
        Assert.Equal(11, RealData.PerformanceTables.Count);
    }

    [Theory]
    [MemberData(nameof(RealTables))]
    public async Task Every_real_table_imports_with_every_row_and_cell(string fileName)
    {
        var path = RealData.PerformanceTable(fileName);
        var file = new CsvRecount(path, "utf-8");
        var keyStage = fileName.Contains("ks2", StringComparison.Ordinal) ? KeyStage.KS2 : KeyStage.KS4;
        var year = int.Parse(fileName[5..9]);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync(keyStage.ToString().ToLowerInvariant(), path);

        Assert.True(ImportStatus.Succeeded == run.Status, run.Message);
        Assert.Equal(file.Rows.Count, run.RowsRead);
        Assert.Equal(0, run.RowsRejected);
        var (sets, values) = await factory.WithStoreAsync(async db => (
            await db.ResultSets.CountAsync(r => r.KeyStage == keyStage && r.Year == year),
            await db.MeasureValues.CountAsync()));
        Assert.Equal(file.Rows.Count, sets);
        var identity = new[] { "RECTYPE", "ALPHAIND", "LEA", "ESTAB", "URN", "SCHNAME", "ADDRESS1", "ADDRESS2", "ADDRESS3", "TOWN", "PCODE", "TELNUM", "PCON_CODE", "PCON_NAME" };
        var measureColumns = file.Header.Select((name, i) => (name, i)).Where(c => !identity.Contains(c.name, StringComparer.OrdinalIgnoreCase)).Select(c => c.i).ToList();
        Assert.Equal(file.Rows.Sum(r => measureColumns.Count(i => i < r.Length)), values);
    }

    [Fact]
    public async Task Numbers_percentages_and_markers_are_stored_as_the_file_gives_them()
    {
        var path = RealData.PerformanceTable("2018-2019_936_ks2final.csv");
        var file = new CsvRecount(path, "utf-8");
        var percentage = file.Rows.First(r => file.Value(r, "RECTYPE") == "1" && file.Value(r, "PTRWM_EXP").EndsWith('%'));
        var suppressed = file.Rows.First(r => file.Value(r, "RECTYPE") == "1" && file.Value(r, "PTRWM_EXP_FSM6CLA1A") == "SUPP");
        var progress = file.Rows.First(r => file.Value(r, "RECTYPE") == "1" && double.TryParse(file.Value(r, "READPROG"), out _));
        var la = file.Rows.Single(r => file.Value(r, "RECTYPE") == "3");
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("ks2", path);

        var stored = await ValuesAsync(factory, KeyStage.KS2, 2019, ["PTRWM_EXP", "PTRWM_EXP_FSM6CLA1A", "READPROG"]);

        var p = stored[(ResultSet.SchoolKey(Urn(file, percentage)), "PTRWM_EXP")];
        Assert.Equal((MeasureStatus.Value, double.Parse(file.Value(percentage, "PTRWM_EXP").TrimEnd('%')), (string?)null), p);
        var s = stored[(ResultSet.SchoolKey(Urn(file, suppressed)), "PTRWM_EXP_FSM6CLA1A")];
        Assert.Equal((MeasureStatus.Suppressed, (double?)null, "SUPP"), s);
        var r = stored[(ResultSet.SchoolKey(Urn(file, progress)), "READPROG")];
        Assert.Equal((MeasureStatus.Value, double.Parse(file.Value(progress, "READPROG")), (string?)null), r);
        var l = stored[(ResultSet.LocalAuthorityKey(file.Value(la, "LEA")), "PTRWM_EXP")];
        Assert.Equal(double.Parse(file.Value(la, "PTRWM_EXP").TrimEnd('%')), l.Value);
        Assert.True(await factory.WithStoreAsync(db => db.Measures.Where(m => m.Code == "PTRWM_EXP").Select(m => m.IsPercentage).SingleAsync()));
    }

    [Fact]
    public async Task A_new_school_keeps_the_fields_it_has_and_is_marked_new()
    {
        var path = RealData.PerformanceTable("2018-2019_936_ks2final.csv");
        var file = new CsvRecount(path, "utf-8");
        var row = file.Rows.First(r => r[^1].Trim() == "NEW");
        var newColumn = file.Header[row.Length - 1];
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("ks2", path);

        var key = ResultSet.SchoolKey(Urn(file, row));
        var set = await factory.WithStoreAsync(db => db.ResultSets.SingleAsync(r => r.Key == key && r.Year == 2019));
        var stored = await ValuesAsync(factory, KeyStage.KS2, 2019, [newColumn, "PTRWM_EXP"]);

        Assert.True(set.IsNewInstitution);
        Assert.Equal(file.Value(row, "SCHNAME"), set.Name);
        Assert.Equal((MeasureStatus.NewInstitution, (double?)null, "NEW"), stored[(key, newColumn)]);
        Assert.False(stored.ContainsKey((key, "PTRWM_EXP")));
    }

    [Fact]
    public async Task A_file_without_the_year_in_its_name_is_refused_with_the_reason()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"ks2final-{Guid.NewGuid():N}.csv");
        File.Copy(RealData.PerformanceTable("2018-2019_936_ks2final.csv"), copy);
        try
        {
            await using var factory = new AtlasFactory();
            var run = await factory.ImportAsync("ks2", copy);
            Assert.Equal(ImportStatus.Failed, run.Status);
            Assert.Contains("--year", run.Message);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task A_KS4_file_given_as_ks2_is_refused()
    {
        await using var factory = new AtlasFactory();
        var run = await factory.ImportAsync("ks2", RealData.PerformanceTable("2018-2019_936_ks4final.csv"));
        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("TELIG", run.Message);
    }

    [Fact]
    public async Task The_benchmark_rows_of_both_LA_files_are_one_England_row()
    {
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("ks2", RealData.PerformanceTable("2018-2019_850_ks2final.csv"));
        var second = await factory.ImportAsync("ks2", RealData.PerformanceTable("2018-2019_936_ks2final.csv"));

        var levels = await factory.WithStoreAsync(db => db.ResultSets.Where(r => r.Level != ResultLevel.School).Select(r => r.Key).ToListAsync());
        Assert.Equal(new[] { "ENGLAND", "ENGLAND:STATE", "LA:850", "LA:936" }, levels.Order());
        Assert.Equal(2, second.RowsUnchanged);
    }

    private static int Urn(CsvRecount file, string[] row) => int.Parse(file.Value(row, "URN"));

    private static Task<Dictionary<(string Key, string Code), (MeasureStatus Status, double? Value, string? Raw)>> ValuesAsync(
        AtlasFactory factory, KeyStage keyStage, int year, string[] codes) => factory.WithStoreAsync(async db =>
        (await (from r in db.ResultSets
                where r.KeyStage == keyStage && r.Year == year
                join v in db.MeasureValues on r.Id equals v.ResultSetId
                join m in db.Measures on v.MeasureId equals m.Id
                where codes.Contains(m.Code)
                select new { r.Key, m.Code, v.Status, v.Value, v.Raw }).ToListAsync())
        .ToDictionary(x => (x.Key, x.Code), x => (x.Status, x.Value, (string?)x.Raw)));
}
