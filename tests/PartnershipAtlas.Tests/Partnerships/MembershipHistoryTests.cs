using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// Two real extracts a year apart: a school that moved trust keeps both memberships, the old one closed on the newer
/// extract's date and the new one opened then, so <c>asOf</c> before and after the move answers differently.
/// </summary>
public sealed class MembershipHistoryTests
{
    private static readonly DateOnly Earlier = new(2021, 1, 16);
    private static readonly DateOnly Later = new(2022, 4, 20);

    [Fact]
    public async Task A_school_that_moved_trust_answers_differently_before_and_after_the_move()
    {
        var earlier = new CsvRecount(RealData.GiasSurrey2021);
        var later = new CsvRecount(RealData.GiasExport2022);
        var trustThen = earlier.Rows.ToDictionary(r => earlier.Value(r, "URN"), r => earlier.Value(r, "Trusts (name)"));
        var moved = later.Rows
            .Select(r => (Urn: later.Value(r, "URN"), Now: later.Value(r, "Trusts (name)"), Open: later.Value(r, "EstablishmentStatus (name)") == "Open"))
            .Where(x => x.Open && x.Now.Length > 0 && trustThen.TryGetValue(x.Urn, out var then) && then.Length > 0 && !then.Equals(x.Now, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(moved);
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021, Earlier);
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022, Later);
        var client = factory.CreateClient();

        foreach (var (urn, now, _) in moved)
        {
            var data = await client.DataAsync("""
                query($urn: Int!) { establishment(urn: $urn) {
                  before: partnerships(kinds: [MULTI_ACADEMY_TRUST, SINGLE_ACADEMY_TRUST, FOUNDATION_TRUST], asOf: "2021-06-01") { name }
                  after: partnerships(kinds: [MULTI_ACADEMY_TRUST, SINGLE_ACADEMY_TRUST, FOUNDATION_TRUST], asOf: "2022-05-01") { name }
                  history: memberships(kinds: [MULTI_ACADEMY_TRUST, SINGLE_ACADEMY_TRUST, FOUNDATION_TRUST], asOf: "2022-04-19") { left partnership { name } } } }
                """, new { urn = int.Parse(urn) });
            var school = data["establishment"]!;
            Assert.Equal([trustThen[urn]], school["before"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            Assert.Equal([now], school["after"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            var closed = Assert.Single(school["history"]!.AsArray());
            Assert.Equal("2022-04-20", closed!["left"]!.GetValue<string>());
        }
    }
}
