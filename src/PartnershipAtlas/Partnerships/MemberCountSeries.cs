using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Partnerships;

/// <summary>The spacing of a member-count series.</summary>
public enum SeriesInterval
{
    Month,
    Quarter,
    Year,
}

/// <summary>How many members a network had on one date.</summary>
public sealed record MemberCountPoint(DateOnly Date, int Count);

/// <summary>
/// <c>Partnership.memberCountSeries</c>: one read of the dates of every membership (joined, left and its school's open
/// and close dates), for all the partnerships asked for at once, then a count of members per date in memory by the
/// active-on rule (<see cref="MembershipActivity"/>), each member once.
/// </summary>
public static class MemberCountSeries
{
    public const int MaxPoints = 1200;

    public static IDataLoaderResult<IReadOnlyList<MemberCountPoint>> Load(IResolveFieldContext context, int partnershipId)
    {
        var (from, to, interval) = (context.GetArgument<DateOnly>("from"), context.GetArgument<DateOnly>("to"), context.GetArgument<SeriesInterval>("interval"));
        var dates = Dates(from, to, interval);
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<MemberCountPoint>>($"MemberCountSeries:{from}:{to}:{interval}",
            async (ids, ct) =>
            {
                var spans = await db.Memberships.AsNoTracking()
                    .Where(m => EF.Parameter(ids).Contains(m.PartnershipId))
                    .Select(m => new { m.PartnershipId, m.EstablishmentUrn, m.OrganisationId, m.MemberPartnershipId, m.Joined, m.Left, m.Establishment!.OpenDate, m.Establishment.CloseDate })
                    .ToListAsync(ct);
                var byPartnership = spans.ToLookup(s => s.PartnershipId, s => new Membership
                {
                    EstablishmentUrn = s.EstablishmentUrn, OrganisationId = s.OrganisationId, MemberPartnershipId = s.MemberPartnershipId, Joined = s.Joined, Left = s.Left, Source = "",
                    Establishment = s.EstablishmentUrn is int urn ? new() { Urn = urn, Name = "", OpenDate = s.OpenDate, CloseDate = s.CloseDate } : null,
                });
                return ids.ToDictionary(id => id, id => (IReadOnlyList<MemberCountPoint>)dates
                    .Select(d => new MemberCountPoint(d, byPartnership[id].Where(m => m.IsActiveOn(d)).Select(m => m.Member()).Distinct().Count()))
                    .ToList());
            },
            []).Load(partnershipId);
    }

    /// <summary>The series dates: <paramref name="from"/>, then every interval after it up to <paramref name="to"/>.</summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly from, DateOnly to, SeriesInterval interval)
    {
        if (to < from) throw AtlasErrors.Coded($"`to` ({to:yyyy-MM-dd}) is before `from` ({from:yyyy-MM-dd}).", "INVALID_DATE_RANGE");
        var months = interval switch { SeriesInterval.Month => 1, SeriesInterval.Quarter => 3, _ => 12 };
        var dates = new List<DateOnly>();
        for (var d = from; d <= to; d = from.AddMonths(months * dates.Count))
        {
            if (dates.Count == MaxPoints) throw AtlasErrors.Coded($"The series would have more than {MaxPoints} points; use a longer interval.", "SERIES_TOO_LONG");
            dates.Add(d);
        }
        return dates;
    }
}

public sealed class SeriesIntervalGraphType : EnumerationGraphType<SeriesInterval>
{
    public SeriesIntervalGraphType()
    {
        Name = "SeriesInterval";
        Description = "The spacing of a series: MONTH, QUARTER or YEAR.";
    }
}

public sealed class MemberCountPointGraphType : ObjectGraphType<MemberCountPoint>
{
    public MemberCountPointGraphType()
    {
        Name = "MemberCountPoint";
        Description = "How many members a network had on one date.";
        Field<NonNullGraphType<DateScalar>>("date").Description("The date.").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Members on that date.").Resolve(c => c.Source.Count);
    }
}
