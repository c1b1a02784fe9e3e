using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>Each real GIAS export imports whole, and the store holds what the file holds (recounted independently).</summary>
public sealed class GiasEstablishmentsImportTests
{
    public static TheoryData<string> RealExports => new()
    {
        "20220420_gias.csv",
        "2021_936_gias.csv",
        "2021-05-07_850_936_gias.csv",
    };

    [Theory]
    [MemberData(nameof(RealExports))]
    public async Task Every_real_export_imports_with_every_establishment(string fileName)
    {
        var path = RealData.File("gias-hants-surrey", fileName);
        var file = new CsvRecount(path);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync("gias-establishments", path);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(file.Rows.Count, run.RowsRead);
        Assert.Equal(0, run.RowsRejected);
        var urns = file.Rows.Select(r => int.Parse(file.Value(r, "URN"))).Distinct().Count();
        var (establishments, _, _) = await factory.CountRowsAsync();
        Assert.Equal(urns, establishments);
        Assert.Equal(urns, run.RowsInserted);
    }

    [Fact]
    public async Task The_same_file_twice_is_a_no_op()
    {
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var before = await factory.CountRowsAsync();

        var again = await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);

        Assert.Equal(ImportStatus.Skipped, again.Status);
        Assert.Equal(before, await factory.CountRowsAsync());
    }

    [Fact]
    public async Task Values_are_typed_as_the_file_gives_them()
    {
        var file = new CsvRecount(RealData.GiasExport2022);
        var row = file.Rows.First(r => file.Value(r, "OpenDate").Length > 0 && file.Value(r, "OpenDate") != "01-01-1900" && file.Value(r, "PercentageFSM").Length > 0);
        var placeholder = file.Rows.First(r => file.Value(r, "OpenDate") == "01-01-1900");
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = factory.CreateClient();

        var data = await client.DataAsync("query($a: Int!, $b: Int!) { a: establishment(urn: $a) { name openDate percentageFsm laCode postcode } b: establishment(urn: $b) { openDate } }",
            new { a = int.Parse(file.Value(row, "URN")), b = int.Parse(file.Value(placeholder, "URN")) });

        Assert.Equal(file.Value(row, "EstablishmentName"), data["a"]!["name"]!.GetValue<string>());
        var open = file.Value(row, "OpenDate").Split('-');
        Assert.Equal($"{open[2]}-{open[1]}-{open[0]}", data["a"]!["openDate"]!.GetValue<string>());
        Assert.Equal(double.Parse(file.Value(row, "PercentageFSM"), System.Globalization.CultureInfo.InvariantCulture), data["a"]!["percentageFsm"]!.GetValue<double>());
        Assert.Equal(file.Value(row, "LA (code)"), data["a"]!["laCode"]!.GetValue<string>());
        Assert.Null(data["b"]!["openDate"]);
    }
}
