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

    /// <summary>Each school's networks, in answer order: its memberships' partnerships (one membership per network).</summary>
    private readonly Dictionary<int, Partnership[]> networksByUrn;

    private ActiveMembershipIndex(DateOnly asOf, Dictionary<int, Membership[]> byUrn, int count)
    {
        (AsOf, this.byUrn, MembershipCount) = (asOf, byUrn, count);
        networksByUrn = new Dictionary<int, Partnership[]>(byUrn.Count);
        foreach (var (urn, memberships) in byUrn) networksByUrn.Add(urn, Array.ConvertAll(memberships, m => m.Partnership!));
    }

    public DateOnly AsOf { get; }

    public int MembershipCount { get; }

    public int SchoolCount => byUrn.Count;

    /// <summary>
    /// The memberships of <paramref name="urn"/> in networks of <paramref name="kinds"/> only (null: every kind), as
    /// <see cref="MembershipQueries.OfEstablishmentsAsync"/> answers.
    /// </summary>
    public IReadOnlyList<Membership> Of(int urn, PartnershipKind[]? kinds) =>
        !byUrn.TryGetValue(urn, out var memberships) ? []
        : kinds is null ? memberships
        : memberships.Where(m => kinds.Contains(m.Partnership!.Kind)).ToList();

    /// <summary>
    /// The networks <paramref name="urn"/> belongs to, of <paramref name="kinds"/> only (null: every kind), as
    /// <see cref="MembershipNetworks.DistinctOf"/> makes them of its memberships; every kind's list is made once, when the index is.
    /// </summary>
    public IReadOnlyList<Partnership> NetworksOf(int urn, PartnershipKind[]? kinds) =>
        kinds is null ? networksByUrn.TryGetValue(urn, out var networks) ? networks : [] : MembershipNetworks.DistinctOf(Of(urn, kinds));

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
