using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// A member's membership of a partnership between two dates. The member is an establishment (by URN), an
/// organisation that is not a school in GIAS, or another network (a trust in an umbrella trust): exactly one of
/// <see cref="EstablishmentUrn"/>, <see cref="OrganisationId"/> and <see cref="MemberPartnershipId"/> is set.
/// </summary>
public sealed class Membership
{
    public long Id { get; set; }
    public int? EstablishmentUrn { get; set; }
    public Establishment? Establishment { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>The member network, when the member is itself a network (a trust in an umbrella trust).</summary>
    public int? MemberPartnershipId { get; set; }
    public Partnership? MemberPartnership { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public MembershipRole Role { get; set; }

    /// <summary>Null when the source does not say when the membership began.</summary>
    public DateOnly? Joined { get; set; }
    public DateOnly? Left { get; set; }

    /// <summary>The dataset that asserted this membership (e.g. gias-establishments).</summary>
    public required string Source { get; set; }
    public long? ImportRunId { get; set; }

    /// <summary>Who the member is (exactly one part set), whatever network the membership is in.</summary>
    public (int? Urn, int? Organisation, int? Network) Member() => (EstablishmentUrn, OrganisationId, MemberPartnershipId);

    /// <summary>The active-on rule (<see cref="MembershipActivity"/>); a school's membership needs its establishment loaded.</summary>
    public bool IsActiveOn(DateOnly date) => MembershipActivity.IsActiveOn(this, date);

    /// <summary>The first day the membership is active: the later of <see cref="Joined"/> and the school's open date.</summary>
    public DateOnly? ActiveFrom(Establishment? establishment) => MembershipActivity.ActiveFrom(Joined, establishment?.OpenDate);

    /// <summary>The first day it is no longer active: the earlier of <see cref="Left"/> and the school's close date.</summary>
    public DateOnly? ActiveTo(Establishment? establishment) => MembershipActivity.ActiveTo(Left, establishment?.CloseDate);
}
