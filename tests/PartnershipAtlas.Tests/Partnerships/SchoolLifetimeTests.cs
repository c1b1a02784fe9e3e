using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>The real 2022 Surrey/Hampshire export in a store of its own, and the same file read independently.</summary>
public sealed class Export2022Store : AtlasFactory, IAsyncLifetime
{
    public CsvRecount File { get; } = new(RealData.GiasExport2022);

    public async Task InitializeAsync() => await ImportAsync("gias-establishments", RealData.GiasExport2022);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A date of the row; GIAS writes 01-01-1900 (and 01-01-1800) for unknown (SOURCES.md).</summary>
    public DateOnly? Date(string[] row, string column) =>
        DateOnly.TryParseExact(File.Value(row, column), "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year > 1900 ? d : null;

    /// <summary>Whether the export says the school was open on the date (opened by then, not yet closed).</summary>
    public bool OpenOn(string[] row, DateOnly date) => !(Date(row, "OpenDate") > date) && !(Date(row, "CloseDate") <= date);
}

/// <summary>A membership is active only inside its school's life: no network before the school opened or after it closed.</summary>
public sealed class SchoolLifetimeTests(Export2022Store store) : IClassFixture<Export2022Store>
{
    [Theory]
    [InlineData("2010-01-01")]
    [InlineData("2016-09-01")]
    [InlineData("2022-04-20")]
    public async Task No_school_of_the_2022_export_has_a_network_outside_its_life(string asOf)
    {
        var date = DateOnly.Parse(asOf, CultureInfo.InvariantCulture);
        var urns = store.File.Rows.Select(r => int.Parse(store.File.Value(r, "URN"), CultureInfo.InvariantCulture)).ToList();
        var active = await store.WithStoreAsync(db => db.Active(date, null).Where(m => m.EstablishmentUrn != null)
            .Select(m => m.EstablishmentUrn!.Value).Distinct().ToListAsync());
        var withNetworks = active.ToHashSet();
        var byUrn = store.File.Rows.ToDictionary(r => int.Parse(store.File.Value(r, "URN"), CultureInfo.InvariantCulture));
        foreach (var urn in urns)
        {
            var open = store.OpenOn(byUrn[urn], date);
            Assert.False(withNetworks.Contains(urn) && !open, $"URN {urn} has a network on {asOf} outside its life ({store.File.Value(byUrn[urn], "OpenDate")} to {store.File.Value(byUrn[urn], "CloseDate")})");
            var closedOnAnUnknownDate = store.File.Value(byUrn[urn], "EstablishmentStatus (name)") == "Closed" && store.Date(byUrn[urn], "CloseDate") is null;
            Assert.False(open && !closedOnAnUnknownDate && !withNetworks.Contains(urn), $"URN {urn} is open on {asOf} but in no network (its LA at least)");
        }
        Assert.NotEmpty(withNetworks);
    }

    [Fact]
    public async Task Glf_schools_yearly_member_counts_equal_a_recount_from_open_dates()
    {
        var glf = store.File.Rows.Where(r => store.File.Value(r, "Trusts (name)") == "GLF SCHOOLS").ToList();
        Assert.NotEmpty(glf);
        var data = await store.CreateClient().DataAsync("""
            { partnerships(kinds: [MULTI_ACADEMY_TRUST], where: { name: { eq: "GLF SCHOOLS" } }) { nodes {
                memberCountSeries(from: "2012-01-01", to: "2022-01-01", interval: YEAR) { date count } } } }
            """);
        var points = Assert.Single(data["partnerships"]!["nodes"]!.AsArray())!["memberCountSeries"]!.AsArray();
        Assert.Equal(11, points.Count);
        foreach (var point in points)
        {
            var date = DateOnly.Parse(point!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            Assert.True(glf.Count(r => store.OpenOn(r, date)) == point["count"]!.GetValue<int>(), $"GLF SCHOOLS on {date:yyyy-MM-dd}");
        }
        Assert.True(points[0]!["count"]!.GetValue<int>() < points[^1]!["count"]!.GetValue<int>(), "the trust grew");
    }

    [Fact]
    public async Task Cuddington_croft_has_no_partnerships_before_it_opened()
    {
        var data = await store.CreateClient().DataAsync("""
            { establishment(urn: 141447) { openDate before: partnerships(asOf: "2010-01-01") { name } after: partnerships(asOf: "2022-04-20") { name }
                memberships(asOf: "2022-04-20") { joined activeFrom activeFromSource partnership { kind } } } }
            """);
        var school = data["establishment"]!;
        Assert.Equal("2014-10-01", school["openDate"]!.GetValue<string>());
        Assert.Empty(school["before"]!.AsArray());
        Assert.NotEmpty(school["after"]!.AsArray());
        var trust = school["memberships"]!.AsArray().Single(m => m!["partnership"]!["kind"]!.GetValue<string>() == "MULTI_ACADEMY_TRUST")!;
        Assert.Null(trust["joined"]);
        Assert.Equal("2014-10-01", trust["activeFrom"]!.GetValue<string>());
        Assert.Equal("OPEN_DATE", trust["activeFromSource"]!.GetValue<string>());
    }
}
