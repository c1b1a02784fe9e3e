using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Overlap;

/// <summary>Overlaps follow the memberships active on asOf, and a new import makes the cached snapshots stale.</summary>
public sealed class OverlapOverTimeTests
{
    private const string Query = """
        query($asOf: Date) { overlaps(kinds: [FEDERATION], otherKinds: [DIOCESE], asOf: $asOf, first: 100) { totalCount nodes { a { name } b { name } sharedCount } } }
        """;

    [Fact]
    public async Task AsOf_before_and_after_a_membership_change_gives_different_overlaps()
    {
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = factory.CreateClient();
        var before = await client.DataAsync(Query, new { asOf = "2023-06-01" });
        var diocese = await factory.WithStoreAsync(db => db.Partnerships.Where(p => p.Kind == PartnershipKind.Diocese)
            .Select(p => new { p.Name, Urns = p.Memberships.Where(m => m.Left == null).Select(m => m.EstablishmentUrn).Take(3).ToList() })
            .FirstAsync(p => p.Urns.Count == 3));

        await factory.WithStoreAsync(async db =>
        {
            var federation = new Partnership { Kind = PartnershipKind.Federation, Name = "Federation formed in 2023", SourceKey = "TEST:FEDERATION-2023" };
            federation.Memberships.AddRange(diocese.Urns.Select(urn => new Membership { EstablishmentUrn = urn, Joined = new DateOnly(2023, 1, 1), Source = "test" }));
            db.Partnerships.Add(federation);
            return await db.SaveChangesAsync();
        });
        var beforeChange = await client.DataAsync(Query, new { asOf = "2022-12-31" });
        var afterChange = await client.DataAsync(Query, new { asOf = "2023-06-01" });
        var changes = await client.DataAsync("""
            { overlapChanges(from: "2022-12-31", to: "2023-06-01", kinds: [FEDERATION], otherKinds: [DIOCESE]) {
                pairsAppeared pairs(change: APPEARED) { nodes { a { name } b { name } sharedBefore sharedAfter } } } }
            """);
        var schools = await client.DataAsync("""
            { overlapChanges(from: "2022-12-31", to: "2023-06-01", kinds: [FEDERATION, DIOCESE]) {
                establishmentsEntered establishmentsLeft establishments { nodes { establishment { urn } change networksBefore networksAfter } } } }
            """);

        Assert.Equal(before["overlaps"]!["totalCount"]!.GetValue<int>(), beforeChange["overlaps"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(before["overlaps"]!["totalCount"]!.GetValue<int>() + 1, afterChange["overlaps"]!["totalCount"]!.GetValue<int>());
        var added = afterChange["overlaps"]!["nodes"]!.AsArray().Single(n => n!["a"]!["name"]!.GetValue<string>() == "Federation formed in 2023")!;
        Assert.Equal((diocese.Name, 3), (added["b"]!["name"]!.GetValue<string>(), added["sharedCount"]!.GetValue<int>()));
        var appeared = changes["overlapChanges"]!;
        Assert.Equal(1, appeared["pairsAppeared"]!.GetValue<int>());
        Assert.Equal((0, 3), (appeared["pairs"]!["nodes"]![0]!["sharedBefore"]!.GetValue<int>(), appeared["pairs"]!["nodes"]![0]!["sharedAfter"]!.GetValue<int>()));

        var withoutFederation = new GiasOverlapRecount(RealData.GiasExport2022).Schools.Where(s => diocese.Urns.Contains(s.Urn) && s.Federation is null).Select(s => s.Urn).Order().ToList();
        Assert.NotEmpty(withoutFederation);
        var entered = schools["overlapChanges"]!["establishments"]!["nodes"]!.AsArray()
            .Select(n => (Urn: n!["establishment"]!["urn"]!.GetValue<int>(), Change: n["change"]!.GetValue<string>(), Before: n["networksBefore"]!.GetValue<int>(), After: n["networksAfter"]!.GetValue<int>()))
            .ToList();
        Assert.Equal(withoutFederation.Select(urn => (urn, "ENTERED", 1, 2)), entered);
        Assert.Equal(0, schools["overlapChanges"]!["establishmentsLeft"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_import_run_refreshes_the_snapshots()
    {
        await using var factory = new AtlasFactory();
        var client = factory.CreateClient();
        var empty = await client.DataAsync(Query, new { asOf = "2022-04-20" });

        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var imported = await client.DataAsync(Query, new { asOf = "2022-04-20" });

        Assert.Equal(0, empty["overlaps"]!["totalCount"]!.GetValue<int>());
        Assert.True(imported["overlaps"]!["totalCount"]!.GetValue<int>() > 0);
    }
}
