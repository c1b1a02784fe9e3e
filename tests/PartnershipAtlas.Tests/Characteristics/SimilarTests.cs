using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary><c>Partnership.similar</c> over the real GIAS export and census: same kind, ordered by distance, factors shown, statements bound.</summary>
public sealed class SimilarTests(ProfileTests.Imported imported) : IClassFixture<ProfileTests.Imported>
{
    [Fact]
    public async Task Similar_trusts_are_trusts_ordered_by_distance_with_their_factors()
    {
        var id = await imported.WithStoreAsync(async db => await db.Partnerships.Where(p => p.Kind == PartnershipKind.MultiAcademyTrust)
            .OrderByDescending(p => p.Memberships.Count).Select(p => p.Id).FirstAsync());
        var answer = await imported.CreateClient().DataAsync("""
            query($id: ID!) { node(id: $id) { ... on Partnership { kind similar(first: 5, by: [PUPILS, SCHOOLS, FSM_EVER, SEN, PHASE_MIX, REGION]) {
              distance factors { factor value text } partnership { id kind profile { members pupils regions { region members } } } } } } }
            """, new { id = GlobalId.Encode("Partnership", id) });

        var similar = answer["node"]!["similar"]!.AsArray();
        Assert.Equal(5, similar.Count);
        Assert.All(similar, s => Assert.Equal("MULTI_ACADEMY_TRUST", (string)s!["partnership"]!["kind"]!));
        Assert.DoesNotContain(similar, s => (string)s!["partnership"]!["id"]! == GlobalId.Encode("Partnership", id));
        var distances = similar.Select(s => (double)s!["distance"]!).ToList();
        Assert.Equal(distances.Order(), distances);
        foreach (var s in similar)
        {
            var factors = s!["factors"]!.AsArray().ToDictionary(f => (string)f!["factor"]!, f => f!);
            Assert.Equal(new[] { "FSM_EVER", "PHASE_MIX", "PUPILS", "REGION", "SCHOOLS", "SEN" }, factors.Keys.Order());
            var profile = s["partnership"]!["profile"]!;
            Assert.Equal((int)profile["members"]!, (double)factors["SCHOOLS"]["value"]!);
            Assert.Equal((int)profile["pupils"]!, (double)factors["PUPILS"]["value"]!);
            Assert.Equal((string)profile["regions"]![0]!["region"]!, (string)factors["REGION"]["text"]!);
        }
    }

    [Fact]
    public async Task Similar_for_60_trusts_takes_no_more_statements_than_for_two()
    {
        const string many = """
            query($first: Int!) { partnerships(kinds: [MULTI_ACADEMY_TRUST], first: $first) { nodes { name similar(first: 3) { distance partnership { name } } } } }
            """;
        var client = imported.CreateClient();
        await client.DataAsync(many, new { first = 2 });
        imported.Statements.Reset();
        await client.DataAsync(many, new { first = 2 });
        var forTwo = imported.Statements.Count;
        imported.Statements.Reset();
        var hundred = await client.DataAsync(many, new { first = 60 });
        var forMany = imported.Statements.Count;

        Assert.True(hundred["partnerships"]!["nodes"]!.AsArray().Count > 20);
        Assert.Equal(forTwo, forMany);
        Assert.True(forMany <= 9, $"{forMany} statements");
    }
}
