using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Characteristics;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Attainment;

/// <summary>KS4 provisional results (the real national file) and the final file of the same year that replaces them.</summary>
[Trait("Store", "Sqlite")] // national files import row by row on PostgreSQL (minutes each): run once, on SQLite, until ResultSetWriter has a COPY path
public sealed class ProvisionalResultsTests
{
    [Fact]
    public async Task A_final_file_replaces_the_provisional_results_of_its_schools_and_the_API_says_which()
    {
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var provisional = await factory.ImportAsync("ks4", CharacteristicsFiles.Ks4Provisional);
        Assert.Equal((ImportStatus.Succeeded, (int?)2019), (provisional.Status, provisional.Year));
        var final = new CsvRecount(RealData.PerformanceTable("2018-2019_936_ks4final.csv"), "utf-8");
        var published = new CsvRecount(CharacteristicsFiles.Ks4Provisional, "utf-8");
        var gias = new CsvRecount(RealData.GiasExport2022).Rows.Select(r => r[0]).ToHashSet();
        var differing = final.Rows.First(f => gias.Contains(final.Value(f, "URN")) && published.Rows.Any(p => published.Value(p, "URN") == final.Value(f, "URN") && final.Value(f, "URN").Length > 0
            && double.TryParse(final.Value(f, "ATT8SCR"), out _) && published.Value(p, "ATT8SCR") != final.Value(f, "ATT8SCR")));
        var surrey = final.Value(differing, "URN");
        var hampshire = published.Value(published.Rows.First(r => published.Value(r, "LEA") == "850" && published.Value(r, "URN").Length > 0), "URN");
        Assert.True(await IsProvisionalAsync(factory, surrey));

        var run = await factory.ImportAsync("ks4", RealData.PerformanceTable("2018-2019_936_ks4final.csv"));

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.False(await IsProvisionalAsync(factory, surrey));
        Assert.True(await IsProvisionalAsync(factory, hampshire));
        var answer = await factory.CreateClient().DataAsync(
            "query($urn: Int!) { establishment(urn: $urn) { results(keyStage: KS4, year: 2019) { provisional measures(codes: [\"ATT8SCR\"]) { value } } } }", new { urn = int.Parse(surrey) });
        var result = answer["establishment"]!["results"]![0]!;
        Assert.False((bool)result["provisional"]!);
        Assert.Equal(double.Parse(final.Value(differing, "ATT8SCR")), (double)result["measures"]![0]!["value"]!);

        var again = await factory.ImportAsync("ks4", CopyOf(CharacteristicsFiles.Ks4Provisional));
        Assert.False(await IsProvisionalAsync(factory, surrey));
        Assert.Contains("final results of the year are already imported", again.Message);
    }

    /// <summary>The file in a <c>2018-2019</c> folder of its own with one more line break, so its hash differs and it is imported again.</summary>
    private static string CopyOf(string path)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Directory.CreateTempSubdirectory("atlas-ks4-").FullName, "2018-2019")).FullName;
        var copy = Path.Combine(folder, Path.GetFileName(path));
        File.WriteAllText(copy, File.ReadAllText(path).TrimEnd('\n') + "\n\n");
        return copy;
    }

    private static Task<bool> IsProvisionalAsync(AtlasFactory factory, string urn) =>
        factory.WithStoreAsync(db => db.ResultSets.Where(r => r.KeyStage == KeyStage.KS4 && r.Year == 2019 && r.Urn == int.Parse(urn)).Select(r => r.IsProvisional).SingleAsync());
}
