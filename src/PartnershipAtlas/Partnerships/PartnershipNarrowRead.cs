namespace PartnershipAtlas.Partnerships;

/// <summary>
/// The fields of the <c>Partnership</c> type that read nothing but its id, kind and name: where a selection asks
/// only for these, a loader reads those three columns instead of all fifteen (an establishment's <c>partnerships</c>
/// and its memberships' <c>partnership</c>). A field added here must read no other column;
/// <c>PartnershipNarrowReadTests</c> compares every one with the whole read.
/// </summary>
public static class PartnershipNarrowRead
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "__typename", "id", "kind", "name" };
}
