using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// On SQLite, request contexts keep their connections open between requests and reuse the statements they prepared
/// (SqliteStatementCache): a statement run again must take the request's own values and read the store as it is now,
/// not as it was when the statement was first run.
/// </summary>
public sealed class ReusedStatementsTests(Surrey2021Store store) : IClassFixture<Surrey2021Store>
{
    private const string Query = "query($n: Int) { partnerships(first: $n) { nodes { name members(first: 3) { nodes { establishment { urn } } } } } }";

    [Fact]
    public async Task A_statement_run_again_takes_the_new_values_and_sees_what_was_written_since()
    {
        var client = store.CreateClient();
        // Several rounds, so that each of the server's pooled contexts has run the statements at least once.
        var before = await client.DataAsync(Query, new { n = 3 });
        foreach (var _ in Enumerable.Range(0, 4)) Assert.Equal(before.ToJsonString(), (await client.DataAsync(Query, new { n = 3 })).ToJsonString());

        var renamed = await store.WithStoreAsync(async db =>
        {
            var first = await db.Partnerships.OrderBy(p => p.Id).FirstAsync();
            await db.WritingAsync(() => db.Partnerships.Where(p => p.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, first.Name + " (renamed)")), CancellationToken.None);
            return first.Name + " (renamed)";
        });
        var expectedFive = await store.WithStoreAsync(db => db.Partnerships.OrderBy(p => p.Id).Take(5).Select(p => p.Name).ToListAsync());

        var after = await client.DataAsync(Query, new { n = 3 });
        var five = await client.DataAsync(Query, new { n = 5 });

        var afterNodes = after["partnerships"]!["nodes"]!.AsArray();
        Assert.Equal(renamed, afterNodes[0]!["name"]!.GetValue<string>());
        Assert.Equal(before["partnerships"]!["nodes"]![1]!.ToJsonString(), afterNodes[1]!.ToJsonString());
        Assert.Equal(before["partnerships"]!["nodes"]![0]!["members"]!.ToJsonString(), afterNodes[0]!["members"]!.ToJsonString());
        Assert.Equal(expectedFive, five["partnerships"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_membership_ended_since_a_page_of_members_was_read_is_gone_from_the_same_page_read_again()
    {
        var client = store.CreateClient();
        const string Members = "query($id: ID!) { node(id: $id) { ... on Partnership { members(first: 50) { nodes { id } } } } }";
        var (partnershipId, membershipIds) = await store.WithStoreAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var partnership = await db.Partnerships.Where(p => p.Memberships.Count(m => m.Left == null) >= 3 && p.Memberships.Count() <= 40).OrderBy(p => p.Id).FirstAsync();
            return (partnership.Id, await db.Memberships.Where(m => m.PartnershipId == partnership.Id && m.Left == null && (m.Joined == null || m.Joined <= today))
                .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        });
        var id = PartnershipAtlas.Api.GlobalId.Encode("Partnership", partnershipId);
        var before = await client.DataAsync(Members, new { id });
        foreach (var _ in Enumerable.Range(0, 4)) await client.DataAsync(Members, new { id });

        await store.WithStoreAsync(db => db.WritingAsync(() => db.Memberships.Where(m => m.Id == membershipIds[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Left, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))), CancellationToken.None));
        var after = await client.DataAsync(Members, new { id });

        var ended = PartnershipAtlas.Api.GlobalId.Encode("Membership", membershipIds[0]);
        Assert.Contains(ended, before["node"]!["members"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(ended, after["node"]!["members"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(before["node"]!["members"]!["nodes"]!.AsArray().Count - 1, after["node"]!["members"]!["nodes"]!.AsArray().Count);
    }
}
