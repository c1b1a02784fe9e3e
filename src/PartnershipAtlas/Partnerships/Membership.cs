using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// A member's membership of a partnership between two dates. The member is an establishment (by URN) or an
/// organisation that is not a school in GIAS: exactly one of <see cref="EstablishmentUrn"/> and <see cref="OrganisationId"/> is set.
/// </summary>
public sealed class Membership
{
    public long Id { get; set; }
    public int? EstablishmentUrn { get; set; }
    public Establishment? Establishment { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public MembershipRole Role { get; set; }

    /// <summary>Null when the source does not say when the membership began.</summary>
    public DateOnly? Joined { get; set; }
    public DateOnly? Left { get; set; }

    /// <summary>The dataset that asserted this membership (e.g. gias-establishments).</summary>
    public required string Source { get; set; }
    public long? ImportRunId { get; set; }

    public bool IsActiveOn(DateOnly date) => (Joined is null || Joined <= date) && (Left is null || Left > date);
}
