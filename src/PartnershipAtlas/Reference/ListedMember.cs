using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Reference;

/// <summary>
/// A school a reference list names as a member of a network (a teaching school in its alliance), by URN, between two
/// dates. The school need not be in the store: its membership is derived whenever it is
/// (<c>Imports/Reference/AreaMemberships</c>), whatever order the list and the establishments are imported in.
/// </summary>
public sealed class ListedMember
{
    public long Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int Urn { get; set; }
    public MembershipRole Role { get; set; }
    public DateOnly? Joined { get; set; }
    public DateOnly? Left { get; set; }
}
