namespace PartnershipAtlas.Partnerships;

/// <summary>
/// Every establishment's active memberships on one date, read narrowly (as <see cref="MembershipQueries.OfEstablishmentsAsync"/>
/// reads them for a selection of <see cref="MembershipNarrowRead.Fields"/> and <see cref="PartnershipNarrowRead.Fields"/>):
/// each membership's id, school, network and role, with its partnership's id, kind and name; one per school and network,
/// in answer order. Immutable once built, so requests share it (<see cref="ActiveMembershipIndexes"/>).
/// </summary>
public sealed class ActiveMembershipIndex
{
    private readonly Dictionary<int, Membership[]> byUrn;

    private ActiveMembershipIndex(DateOnly asOf, Dictionary<int, Membership[]> byUrn, int count) => (AsOf, this.byUrn, MembershipCount) = (asOf, byUrn, count);

    public DateOnly AsOf { get; }

    public int MembershipCount { get; }

    public int SchoolCount => byUrn.Count;

    /// <summary>
    /// The memberships of each of <paramref name="urns"/> that has any, in networks of <paramref name="kinds"/> only
    /// (null: every kind), as <see cref="MembershipQueries.OfEstablishmentsAsync"/> answers.
    /// </summary>
    public IDictionary<int, IReadOnlyList<Membership>> Of(IReadOnlyCollection<int> urns, PartnershipKind[]? kinds)
    {
        var answer = new Dictionary<int, IReadOnlyList<Membership>>(urns.Count);
        foreach (var urn in urns)
        {
            if (!byUrn.TryGetValue(urn, out var memberships)) continue;
            if (kinds is null) answer[urn] = memberships;
            else if (memberships.Where(m => kinds.Contains(m.Partnership!.Kind)).ToList() is { Count: > 0 } inKinds) answer[urn] = inKinds;
        }
        return answer;
    }

    /// <summary>One row of the read: a membership and its partnership (one object per partnership, shared by its rows).</summary>
    public readonly record struct Row(long Id, int Urn, MembershipRole Role, Partnership Partnership);

    /// <summary>
    /// Builds the index from every active membership of a school, ordered by school, the network's kind and name, then
    /// id (the answer order). Of two memberships of one school in one network (two sources recording it), the first,
    /// which has the lower id, is kept: the rule <see cref="MembershipQueries.OfEstablishmentsAsync"/> applies.
    /// </summary>
    public static ActiveMembershipIndex Build(DateOnly asOf, IReadOnlyList<Row> rows)
    {
        var byUrn = new Dictionary<int, Membership[]>();
        var school = new List<Membership>();
        var count = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!school.Exists(m => m.PartnershipId == row.Partnership.Id))
            {
                school.Add(new Membership
                {
                    Id = row.Id, EstablishmentUrn = row.Urn, PartnershipId = row.Partnership.Id, Role = row.Role, Source = null!, Partnership = row.Partnership,
                });
            }
            if (i + 1 == rows.Count || rows[i + 1].Urn != row.Urn)
            {
                byUrn.Add(row.Urn, [.. school]);
                count += school.Count;
                school.Clear();
            }
        }
        return new ActiveMembershipIndex(asOf, byUrn, count);
    }
}
