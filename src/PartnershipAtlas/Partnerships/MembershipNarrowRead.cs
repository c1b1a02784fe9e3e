namespace PartnershipAtlas.Partnerships;

/// <summary>
/// The fields of the <c>Membership</c> type that its id, school, network and role answer (the network and school are
/// loaded by id): an establishment's <c>memberships</c> asking for these only reads 4 of a membership's 10 columns. A
/// field added here must read no other column; <c>PartnershipNarrowReadTests</c> compares every one with the whole read.
/// </summary>
public static class MembershipNarrowRead
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "__typename", "id", "role", "partnership", "establishment" };
}
