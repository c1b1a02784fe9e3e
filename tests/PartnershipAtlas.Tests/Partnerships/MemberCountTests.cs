using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>A network counts and lists each member establishment once, even where two sources recorded overlapping memberships.</summary>
public sealed class MemberCountTests
{
    [Fact]
    public async Task An_establishment_with_two_overlapping_memberships_counts_once()
    {
        using var files = new TempFiles();
        var path = files.Copy("alllinksdata20240101.csv");
        var file = new CsvRecount(path);
        var valleyMembers = file.Rows.Where(r => file.Value(r, "Group UID") == "990601").Select(r => file.Value(r, "URN")).Distinct().Count();
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-group-links", path);
        await factory.WithStoreAsync(async db =>
        {
            var valley = await db.Partnerships.SingleAsync(p => p.SourceKey == "GIAS_GROUP:990601");
            db.Memberships.Add(new Membership { EstablishmentUrn = 990501, PartnershipId = valley.Id, Role = MembershipRole.Member, Source = "another-source" });
            return await db.SaveChangesAsync();
        });

        var data = await factory.CreateClient().DataAsync("""
            { partnerships(kinds: [MULTI_ACADEMY_TRUST]) { nodes { name memberCount(asOf: "2024-01-15") members(asOf: "2024-01-15", first: 10) { nodes { establishment { urn } } } } } }
            """);

        var valleyNode = Assert.Single(data["partnerships"]!["nodes"]!.AsArray());
        Assert.Equal(valleyMembers, valleyNode!["memberCount"]!.GetValue<int>());
        Assert.Equal(valleyMembers, valleyNode["members"]!["nodes"]!.AsArray().Select(n => n!["establishment"]!["urn"]!.GetValue<int>()).Distinct().Count());
        Assert.Equal(valleyMembers, valleyNode["members"]!["nodes"]!.AsArray().Count);
    }
}
