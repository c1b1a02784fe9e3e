namespace PartnershipAtlas.Overlap;

public enum PairChange
{
    Appeared,
    Disappeared,
    Changed,
}

public enum MembershipChange
{
    Entered,
    Left,
}

/// <summary>A pair of partnerships whose shared schools differ between two dates.</summary>
public sealed record OverlapPairChange(int AId, int BId, PairChange Change, int SharedBefore, int SharedAfter)
{
    /// <summary>Ordered by how much the shared count moved, largest first, then by ids.</summary>
    public RankKey Rank => new(Math.Abs(SharedAfter - SharedBefore), 1, AId, BId);
}

/// <summary>A school that entered or left multi-network membership between two dates.</summary>
public sealed record MultiNetworkChange(int Urn, MembershipChange Change, int NetworksBefore, int NetworksAfter);

/// <summary>What changed between two views (two dates, same area and kinds).</summary>
public sealed record OverlapChangeSet(DateOnly From, DateOnly To, IReadOnlyList<OverlapPairChange> Pairs, IReadOnlyList<MultiNetworkChange> Establishments)
{
    public static OverlapChangeSet Compute(OverlapView before, OverlapView after, KindSet kinds, KindSet otherKinds, int minNetworks)
    {
        var was = SharedByIds(before, kinds, otherKinds);
        var now = SharedByIds(after, kinds, otherKinds);
        var pairs = new List<OverlapPairChange>();
        foreach (var (key, shared) in now)
        {
            var previous = was.GetValueOrDefault(key);
            if (previous != shared) pairs.Add(new((int)(key >> 32), (int)key, previous == 0 ? PairChange.Appeared : PairChange.Changed, previous, shared));
        }
        foreach (var (key, shared) in was)
        {
            if (!now.ContainsKey(key)) pairs.Add(new((int)(key >> 32), (int)key, PairChange.Disappeared, shared, 0));
        }
        pairs.Sort((x, y) => x.Rank.CompareTo(y.Rank));

        var wasMulti = CountsByUrn(before, kinds);
        var nowMulti = CountsByUrn(after, kinds);
        var schools = new List<MultiNetworkChange>();
        foreach (var urn in wasMulti.Keys.Union(nowMulti.Keys).Order())
        {
            var (from, to) = (wasMulti.GetValueOrDefault(urn), nowMulti.GetValueOrDefault(urn));
            if ((from >= minNetworks) != (to >= minNetworks)) schools.Add(new(urn, to >= minNetworks ? MembershipChange.Entered : MembershipChange.Left, from, to));
        }
        return new OverlapChangeSet(before.Snapshot.AsOf, after.Snapshot.AsOf, pairs, schools);
    }

    /// <summary>Pairs keyed by partnership ids, oriented as the view lists them (each unordered pair once, in id order when both ends qualify).</summary>
    private static Dictionary<long, int> SharedByIds(OverlapView view, KindSet kinds, KindSet otherKinds) =>
        view.Pairs(kinds, otherKinds).ToDictionary(p => ((long)view.Snapshot.NetworkIds[p.A] << 32) | (uint)view.Snapshot.NetworkIds[p.B], p => p.Shared);

    private static Dictionary<int, int> CountsByUrn(OverlapView view, KindSet kinds) =>
        view.MultiNetwork(kinds, 1).ToDictionary(x => view.Snapshot.Urns[x.School], x => x.Networks);
}
