using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Reference;
using MiniExcelLibs;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Reference;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>
/// NCTL's workbook of 12 March 2018 (808 teaching schools, 640 alliances) read with ExcelDataReader equals the shipped
/// reference CSV; its alliances lead their teaching schools from the list's date to the end of August 2021.
/// </summary>
public sealed class TeachingSchoolAlliancesTests(ReferenceListsTests.Imported imported) : IClassFixture<ReferenceListsTests.Imported>
{
    private static string Workbook => RealData.File("teaching-schools", "180312_teaching-schools-all.xls");

    [Fact]
    public void The_shipped_csv_is_the_workbook_converted()
    {
        var rows = TeachingSchoolsWorkbook.Read(Workbook);

        Assert.Equal(808, rows.Count);
        Assert.Equal(640, rows.Select(r => r.Cells[0]).Distinct().Count());
        Assert.Equal(TeachingSchoolsWorkbook.ToCsv(rows), File.ReadAllText(ReferenceData.TeachingSchoolAlliances));
    }

    [Fact]
    public async Task Every_alliance_is_a_network_and_its_teaching_school_leads_it_from_the_list_date_until_September_2021()
    {
        var alliances = await imported.WithStoreAsync(db => db.Partnerships.CountAsync(p => p.Kind == PartnershipKind.TeachingSchoolAlliance));
        var listed = await imported.WithStoreAsync(db => db.ListedMembers.CountAsync(m => m.Partnership!.Kind == PartnershipKind.TeachingSchoolAlliance));
        var file = ReferenceData.Read(ReferenceData.TeachingSchoolAlliances);
        var export = new CsvRecount(RealData.GiasExport2022);
        var urns = export.Rows.Select(r => export.Value(r, "URN")).ToHashSet();
        var inStore = file.Rows.Where(r => urns.Contains(file.Value(r, "URN"))).ToList();

        Assert.Equal(640, alliances);
        Assert.Equal(808, listed);
        Assert.NotEmpty(inStore);
        foreach (var row in inStore)
        {
            var urn = int.Parse(file.Value(row, "URN"));
            var open = export.Value(export.Rows.Single(r => export.Value(r, "URN") == file.Value(row, "URN")), "CloseDate");
            var onListDate = await AlliancesAsync(urn, "2018-03-12");
            Assert.Equal([(file.Value(row, "Alliance Name"), "LEAD")], onListDate);
            Assert.Empty(await AlliancesAsync(urn, "2018-03-11"));
            if (open.Length == 0) Assert.Equal(onListDate, await AlliancesAsync(urn, "2021-08-31"));
            Assert.Empty(await AlliancesAsync(urn, "2022-01-01"));
        }
    }

    private async Task<List<(string, string)>> AlliancesAsync(int urn, string asOf)
    {
        var data = await imported.CreateClient().DataAsync($"{{ establishment(urn: {urn}) {{ memberships(asOf: \"{asOf}\") {{ role partnership {{ kind name }} }} }} }}");
        return data["establishment"]!["memberships"]!.AsArray().Where(m => m!["partnership"]!["kind"]!.GetValue<string>() == "TEACHING_SCHOOL_ALLIANCE")
            .Select(m => (m!["partnership"]!["name"]!.GetValue<string>(), m["role"]!.GetValue<string>())).ToList();
    }

    public static TheoryData<string, object?[], string> BadWorkbooks => new()
    {
        { "missing-urn.xlsx", ["Derby Alliance", "Harrington Nursery School", "", "East Midlands", "Derby", "RSC", "Nursery school", "Nursery", "None"], "row 2: URN '' is not a positive whole number" },
        { "no-alliance.xlsx", ["", "Harrington Nursery School", 112474, "East Midlands", "Derby", "RSC", "Nursery school", "Nursery", "None"], "row 2: Alliance Name is empty" },
    };

    [Theory]
    [MemberData(nameof(BadWorkbooks))]
    public void A_bad_workbook_is_refused_with_its_file_row_and_reason(string fileName, object?[] cells, string expected)
    {
        using var folder = new TempFiles();
        var path = Path.Combine(folder.Folder, fileName);
        var header = new[] { "Alliance Name", " Teaching School", " URN", " Region", " Local Authority", " RSC", " Type", " Phase", " Religious Character" };
        MiniExcel.SaveAs(path, new[] { header.Zip(cells).ToDictionary(x => x.First, x => x.Second) });

        var refused = Assert.Throws<ImportRefusedException>(() => TeachingSchoolsWorkbook.Read(path));

        Assert.Contains(fileName, refused.Message);
        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public void A_workbook_without_a_column_names_it()
    {
        using var folder = new TempFiles();
        var path = Path.Combine(folder.Folder, "no-urn.xlsx");
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["Alliance Name"] = "A", [" Teaching School"] = "B" } });

        var refused = Assert.Throws<ImportRefusedException>(() => TeachingSchoolsWorkbook.Read(path));

        Assert.Contains("no-urn.xlsx row 1: missing column(s) 'URN'", refused.Message);
    }

    [Theory]
    [InlineData("Derby Alliance,Harrington,112474,2018-03-12,2021-09-01,NCTL,2018-03-12\nOther Alliance,Harrington,112474,2018-03-12,2021-09-01,NCTL,2018-03-12", "line 3: URN 112474 appears again (first on line 2)")]
    [InlineData("Derby Alliance,Harrington,11247X,2018-03-12,2021-09-01,NCTL,2018-03-12", "line 2: URN '11247X' is not a positive whole number")]
    [InlineData("Derby Alliance,Harrington,112474,2021-09-01,2018-03-12,NCTL,2018-03-12", "line 2: valid_to 2018-03-12 is not after valid_from 2021-09-01")]
    public async Task A_bad_alliances_csv_is_refused_with_its_line_and_changes_nothing(string rows, string expected)
    {
        using var file = new TempCsv("bad-alliances.csv", ["Alliance Name,Teaching School,URN,valid_from,valid_to,source,as_of", .. rows.Split('\n')]);
        var before = await imported.WithStoreAsync(async db => (await db.ListedMembers.CountAsync(), await db.Memberships.CountAsync(), await db.Partnerships.CountAsync()));

        var run = await imported.ImportAsync("teaching-school-alliances", file.Path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(expected, run.Message);
        Assert.Equal(before, await imported.WithStoreAsync(async db => (await db.ListedMembers.CountAsync(), await db.Memberships.CountAsync(), await db.Partnerships.CountAsync())));
    }
}
