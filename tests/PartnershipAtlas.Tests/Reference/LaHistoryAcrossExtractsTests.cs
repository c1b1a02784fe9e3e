using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>
/// One school seen in two extracts, in Northamptonshire (928) in 2020 and in North Northamptonshire (940) in 2022
/// (GIAS-format files with the real header names; the URN is a test value): its LA at each date follows the
/// reorganisation day in the la-codes list, whichever order the files come in, and it is counted once.
/// </summary>
public sealed class LaHistoryAcrossExtractsTests
{
    private const string Header = "\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentName\",\"EstablishmentStatus (name)\",\"OpenDate\",\"CloseDate\"";

    private static readonly CsvRecount LaCodes = ReferenceData.Read(ReferenceData.LaCodes);

    private static string LaName(string code) => LaCodes.Value(LaCodes.Rows.Single(r => LaCodes.Value(r, "la_code") == code), "la_name");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_LA_at_each_date_follows_the_reorganisation_day(bool laCodesFirst)
    {
        using var before = new TempCsv("gias-20200601.csv", Header, "\"990101\",\"928\",\"Northamptonshire\",\"A Northants School\",\"Open\",\"01-09-2000\",\"\"");
        using var after = new TempCsv("gias-20220601.csv", Header, "\"990101\",\"940\",\"North Northamptonshire\",\"A Northants School\",\"Open\",\"01-09-2000\",\"\"");
        await using var factory = new AtlasFactory();
        if (laCodesFirst) await factory.ImportAsync("la-codes", ReferenceData.LaCodes);
        await factory.ImportAsync("gias-establishments", before.Path);
        await factory.ImportAsync("gias-establishments", after.Path);
        if (!laCodesFirst) await factory.ImportAsync("la-codes", ReferenceData.LaCodes);
        var changed = LaCodes.Value(LaCodes.Rows.Single(r => LaCodes.Value(r, "la_code") == "940"), "valid_from");
        var dayBefore = DateOnly.Parse(changed, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var client = factory.CreateClient();

        async Task<List<string>> LasAsync(string asOf) => (await client.DataAsync(
                $"{{ establishment(urn: 990101) {{ memberships(asOf: \"{asOf}\", kinds: [LOCAL_AUTHORITY]) {{ partnership {{ name }} }} }} }}"))["establishment"]!["memberships"]!
            .AsArray().Select(m => m!["partnership"]!["name"]!.GetValue<string>()).ToList();

        Assert.Equal([LaName("928")], await LasAsync("2020-06-01"));
        Assert.Equal([LaName("928")], await LasAsync(dayBefore));
        Assert.Equal([LaName("940")], await LasAsync(changed));
        Assert.Equal([LaName("940")], await LasAsync("2023-01-01"));
    }
}
