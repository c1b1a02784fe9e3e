using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// One table of cases for the active-on rule, run through the rule in memory, its bounds (activeFrom, activeTo) and
/// the SQL the store runs for it: the three must agree on every case and every date around its bounds.
/// </summary>
public sealed class ActiveOnRuleTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>(joined, left, school open, school close, whether the member is a school, expected activeFrom, expected activeTo, expected source).</summary>
    public static readonly (string? Joined, string? Left, string? Open, string? Close, bool School, string? From, string? To, ActiveFromSource Source)[] Cases =
    [
        (null, null, null, null, true, null, null, ActiveFromSource.Unknown),
        (null, null, "2014-10-01", null, true, "2014-10-01", null, ActiveFromSource.OpenDate),
        ("2016-09-01", null, "2014-10-01", null, true, "2016-09-01", null, ActiveFromSource.Published),
        ("2012-09-01", null, "2014-10-01", null, true, "2014-10-01", null, ActiveFromSource.OpenDate),
        ("2014-10-01", null, "2014-10-01", null, true, "2014-10-01", null, ActiveFromSource.Published),
        (null, "2020-01-01", "2014-10-01", "2018-08-31", true, "2014-10-01", "2018-08-31", ActiveFromSource.OpenDate),
        (null, "2017-01-01", null, "2018-08-31", true, null, "2017-01-01", ActiveFromSource.Unknown),
        (null, null, null, "2018-08-31", true, null, "2018-08-31", ActiveFromSource.Unknown),
        ("2015-01-01", "2016-01-01", null, null, false, "2015-01-01", "2016-01-01", ActiveFromSource.Published),
        (null, null, null, null, false, null, null, ActiveFromSource.Unknown),
    ];

    private static IEnumerable<DateOnly> DatesAround(int i)
    {
        var c = Cases[i];
        foreach (var text in new[] { c.Joined, c.Left, c.Open, c.Close, "2000-01-01", "2030-01-01" })
        {
            if (text is null) continue;
            yield return D(text).AddDays(-1);
            yield return D(text);
            yield return D(text).AddDays(1);
        }
    }

    private static DateOnly? Maybe(string? text) => text is null ? null : D(text);

    private static Membership Build(int i, int urn, int partnershipId)
    {
        var c = Cases[i];
        return new Membership
        {
            PartnershipId = partnershipId, Role = MembershipRole.Member, Joined = Maybe(c.Joined), Left = Maybe(c.Left), Source = "test",
            EstablishmentUrn = c.School ? urn : null,
            Establishment = c.School ? new Establishment { Urn = urn, Name = $"Case {i}", OpenDate = Maybe(c.Open), CloseDate = Maybe(c.Close) } : null,
            Organisation = c.School ? null : new Organisation { Name = $"Case {i}", Kind = OrganisationKind.Charity, SourceKey = $"CHARITY:CASE {i}" },
        };
    }

    private static bool Expected(int i, DateOnly d) => (Maybe(Cases[i].From) is not { } from || from <= d) && (Maybe(Cases[i].To) is not { } to || d < to);

    [Fact]
    public void The_rule_in_memory_and_its_bounds_agree_with_the_table()
    {
        for (var i = 0; i < Cases.Length; i++)
        {
            var m = Build(i, 900000 + i, 1);
            Assert.Equal(Maybe(Cases[i].From), m.ActiveFrom(m.Establishment));
            Assert.Equal(Maybe(Cases[i].To), m.ActiveTo(m.Establishment));
            Assert.Equal(Cases[i].Source, MembershipActivity.FromSource(m.Joined, m.Establishment?.OpenDate));
            foreach (var d in DatesAround(i)) Assert.True(Expected(i, d) == m.IsActiveOn(d), $"case {i} on {d:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void A_school_membership_without_its_school_loaded_is_refused_in_memory()
    {
        var m = new Membership { EstablishmentUrn = 1, PartnershipId = 1, Source = "test" };
        Assert.Contains("load its establishment", Assert.Throws<InvalidOperationException>(() => m.IsActiveOn(D("2020-01-01"))).Message);
    }

    [Fact]
    public async Task The_store_runs_the_same_rule_on_every_case()
    {
        await using var factory = new AtlasFactory();
        var ids = await factory.WithStoreAsync(async db =>
        {
            var partnership = new Partnership { Kind = PartnershipKind.Thematic, Name = "Rule cases", SourceKey = "TEST:RULE CASES" };
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync();
            var memberships = Enumerable.Range(0, Cases.Length).Select(i => Build(i, 900000 + i, partnership.Id)).ToList();
            db.Memberships.AddRange(memberships);
            await db.SaveChangesAsync();
            return memberships.Select(m => m.Id).ToList();
        });
        for (var i = 0; i < Cases.Length; i++)
        {
            foreach (var d in DatesAround(i))
            {
                var id = ids[i];
                var inStore = await factory.WithStoreAsync(db => db.Memberships.Where(m => m.Id == id).AnyAsync(MembershipQueries.ActiveOn(d)));
                Assert.True(Expected(i, d) == inStore, $"case {i} on {d:yyyy-MM-dd} in the store");
            }
        }
    }
}
