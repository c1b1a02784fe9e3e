using System.Text;
using System.Text.RegularExpressions;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Attainment;

/// <summary>The six DfE field guides (the other 6 of the 17 real performance-table files) give every field its label.</summary>
public sealed partial class FieldGuideTests
{
    public static TheoryData<KeyStage, int, string> Guides => new()
    {
        { KeyStage.KS2, 2017, "2016-2017/ks2_meta.csv" },
        { KeyStage.KS2, 2018, "2017-2018/ks2_meta.csv" },
        { KeyStage.KS2, 2019, "2018-2019/ks2_meta.csv" },
        { KeyStage.KS4, 2017, "2016-2017/2016-2017_ks4_final_meta.csv" },
        { KeyStage.KS4, 2018, "2017-2018/2017-2018_ks4_final_meta.csv" },
        { KeyStage.KS4, 2019, "2018-2019/2018_2019_ks4_final_meta.csv" },
    };

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_field_of_a_guide_has_its_label(KeyStage keyStage, int year, string guide)
    {
        var path = RealData.File(["perf-tables-meta", .. guide.Split('/')]);
        var file = new CsvRecount(path, IsUtf8(path) ? "utf-8" : "windows-1252");
        var code = new[] { "FieldName", "Field Name", "Metafile heading" }.First(file.Has);
        var label = new[] { "Label/Description", "Metafile description" }.First(file.Has);
        var fields = file.Rows.Where(r => file.Value(r, code).Length > 0).ToList();

        Assert.True(fields.Count > 250, $"{guide}: {fields.Count} fields");
        Assert.All(fields, r => Assert.Equal(Whitespace().Replace(file.Value(r, label), " ").Trim(), FieldGuide.Label(keyStage, year, file.Value(r, code))));
    }

    [Fact]
    public void Every_field_of_the_real_tables_has_a_label()
    {
        var unlabelled = RealData.PerformanceTables
            .SelectMany(path => new CsvRecount(path, "utf-8").Header.Select(h => (KeyStage: path.Contains("ks2") ? KeyStage.KS2 : KeyStage.KS4, Year: int.Parse(Path.GetFileName(path)[5..9]), Code: h)))
            .Where(f => FieldGuide.Label(f.KeyStage, f.Year, f.Code) is null)
            .Select(f => $"{f.KeyStage} {f.Year} {f.Code}").Distinct().ToList();
        // The 2018/19 KS4 guide does not list these three descriptive fields of its own table.
        Assert.Equal(new[] { "KS4 2019 ADMPOL_PT", "KS4 2019 PCON_CODE", "KS4 2019 PCON_NAME" }, unlabelled.Order(StringComparer.Ordinal));
    }

    private static bool IsUtf8(string path)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
