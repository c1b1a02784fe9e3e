using System.Globalization;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary><c>ofsted(asOf)</c>, <c>ofstedHistory</c> and <c>extractAttributes(asOf)</c> over two real GIAS extracts of Surrey.</summary>
public sealed class OfstedTests
{
    private static readonly DateOnly Early = new(2021, 1, 16);
    private static readonly DateOnly Late = new(2022, 4, 20);

    [Fact]
    public async Task Each_date_reads_the_latest_extract_before_it_and_the_history_lists_every_rating()
    {
        var early = new CsvRecount(RealData.GiasSurrey2021);
        var late = new CsvRecount(RealData.GiasExport2022);
        var lateByUrn = late.Rows.ToDictionary(r => late.Value(r, "URN"));
        var changed = early.Rows.First(r => lateByUrn.TryGetValue(early.Value(r, "URN"), out var l)
            && late.Value(l, "OfstedRating (name)").Length > 0 && early.Value(r, "OfstedRating (name)").Length > 0
            && late.Value(l, "OfstedRating (name)") != early.Value(r, "OfstedRating (name)"));
        var urn = early.Value(changed, "URN");
        var after = lateByUrn[urn];
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021, Early);
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022, Late);

        var school = (await factory.CreateClient().DataAsync("""
            query($urn: Int!) { establishment(urn: $urn) {
              before: ofsted(asOf: "2020-12-31") { rating }
              between: ofsted(asOf: "2022-01-01") { rating inspectionDate extractDate }
              now: ofsted { rating inspectionDate extractDate }
              ofstedHistory { rating inspectionDate extractDate }
              extractAttributes(asOf: "2022-01-01") { capacity gender religiousCharacter admissionsPolicy urbanRural boarders } } }
            """, new { urn = int.Parse(urn, CultureInfo.InvariantCulture) }))["establishment"]!;

        Assert.Null(school["before"]);
        Assert.Equal((early.Value(changed, "OfstedRating (name)"), Iso(early.Value(changed, "OfstedLastInsp")), "2021-01-16"),
            ((string)school["between"]!["rating"]!, (string?)school["between"]!["inspectionDate"], (string)school["between"]!["extractDate"]!));
        Assert.Equal((late.Value(after, "OfstedRating (name)"), Iso(late.Value(after, "OfstedLastInsp"))), ((string)school["now"]!["rating"]!, (string?)school["now"]!["inspectionDate"]));
        var history = school["ofstedHistory"]!.AsArray().Select(h => (string)h!["rating"]!).ToList();
        Assert.Equal(new[] { early.Value(changed, "OfstedRating (name)"), late.Value(after, "OfstedRating (name)") }, history);
        var attributes = school["extractAttributes"]!;
        Assert.Equal(int.Parse(early.Value(changed, "SchoolCapacity"), CultureInfo.InvariantCulture), (int)attributes["capacity"]!);
        Assert.Equal(early.Value(changed, "Gender (name)"), (string)attributes["gender"]!);
        Assert.Equal(early.Value(changed, "UrbanRural (name)"), (string)attributes["urbanRural"]!);
    }

    private static string? Iso(string giasDate) => giasDate.Length == 0 ? null
        : DateOnly.ParseExact(giasDate, "dd-MM-yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
