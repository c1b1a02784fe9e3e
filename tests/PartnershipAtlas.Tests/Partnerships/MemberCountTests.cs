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

    [Fact]
    public async Task An_establishment_lists_a_network_it_joined_twice_once_by_its_first_membership()
    {
        using var files = new TempFiles();
        var path = files.Copy("alllinksdata20240101.csv");
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-group-links", path);
        var (firstSource, secondUrn) = await factory.WithStoreAsync(async db =>
        {
            var valley = await db.Partnerships.SingleAsync(p => p.SourceKey == "GIAS_GROUP:990601");
            var first = await db.Memberships.Where(m => m.PartnershipId == valley.Id && m.EstablishmentUrn == 990501).OrderBy(m => m.Id).FirstAsync();
            db.Memberships.Add(new Membership { EstablishmentUrn = 990501, PartnershipId = valley.Id, Role = MembershipRole.Member, Source = "another-source" });
            await db.SaveChangesAsync();
            return (first.Source, 990501);
        });

        var data = await factory.CreateClient().DataAsync($$"""
            { establishments(where: { urn: { eq: {{secondUrn}} } }) { nodes {
                memberships(asOf: "2024-01-15", kinds: [MULTI_ACADEMY_TRUST]) { source partnership { name } }
                partnerships(asOf: "2024-01-15") { name } } } }
            """);

        var node = Assert.Single(data["establishments"]!["nodes"]!.AsArray())!;
        var membership = Assert.Single(node["memberships"]!.AsArray())!;
        Assert.Equal(firstSource, membership["source"]!.GetValue<string>());
        var names = node["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains(membership["partnership"]!["name"]!.GetValue<string>(), names);
    }
}
