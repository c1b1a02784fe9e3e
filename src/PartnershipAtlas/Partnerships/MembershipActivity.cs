using System.Linq.Expressions;

namespace PartnershipAtlas.Partnerships;

/// <summary>Where a membership's <c>activeFrom</c> comes from.</summary>
public enum ActiveFromSource
{
    /// <summary>The published join date (on or after the school opened).</summary>
    Published,

    /// <summary>The school's open date: the source gives no join date, or one before the school opened.</summary>
    OpenDate,

    /// <summary>Neither a join date nor an open date is known: the membership is open at its start.</summary>
    Unknown,
}

/// <summary>
/// The active-on rule, stated once: a membership is active on a date d when <c>max(joined, openDate) ≤ d</c> and d
/// is before <c>min(left, closeDate)</c>, where openDate and closeDate are the member school's; a bound that is not
/// known is open. <see cref="Rule"/> is the one statement: EF Core translates it (queries inline it), and
/// <see cref="IsActiveOn"/> runs the same expression compiled. An academy's URN opens on the day it joins its trust,
/// so when GIAS gives no join date the open date stands in.
/// </summary>
public static class MembershipActivity
{
    /// <summary>The rule. A membership of an organisation or of a network has no school, so only its own dates bound it.</summary>
    public static readonly Expression<Func<Membership, DateOnly, bool>> Rule = (m, d) =>
        (m.Joined == null || m.Joined <= d) && (m.Left == null || m.Left > d)
        && (m.Establishment == null
            || ((m.Establishment.OpenDate == null || m.Establishment.OpenDate <= d) && (m.Establishment.CloseDate == null || m.Establishment.CloseDate > d)));

    private static readonly Func<Membership, DateOnly, bool> CompiledRule = Rule.Compile();

    /// <summary><see cref="Rule"/> in memory; a school's membership needs its <see cref="Membership.Establishment"/> loaded.</summary>
    public static bool IsActiveOn(Membership membership, DateOnly date)
    {
        if (membership.EstablishmentUrn is not null && membership.Establishment is null)
        {
            throw new InvalidOperationException($"Membership {membership.Id}: load its establishment before asking whether it is active (its open and close dates bound it).");
        }
        return CompiledRule(membership, date);
    }

    /// <summary>The first day the rule holds: the later of the join and open dates; null when neither is known.</summary>
    public static DateOnly? ActiveFrom(DateOnly? joined, DateOnly? openDate) => joined is { } j && openDate is { } o ? (j > o ? j : o) : joined ?? openDate;

    /// <summary>The first day the rule no longer holds: the earlier of the leave and close dates; null when neither is known.</summary>
    public static DateOnly? ActiveTo(DateOnly? left, DateOnly? closeDate) => left is { } l && closeDate is { } c ? (l < c ? l : c) : left ?? closeDate;

    public static ActiveFromSource FromSource(DateOnly? joined, DateOnly? openDate) =>
        joined is { } j && (openDate is null || j >= openDate) ? ActiveFromSource.Published
        : openDate is not null ? ActiveFromSource.OpenDate
        : ActiveFromSource.Unknown;
}
