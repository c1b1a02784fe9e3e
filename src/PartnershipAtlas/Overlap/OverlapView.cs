using System.Collections.Concurrent;

namespace PartnershipAtlas.Overlap;

/// <summary>
/// A snapshot seen through an area filter: which schools count, each network's size among them, and the pairs of
/// networks that share them. Pair lists are counted once per pair of kind sets and kept (they are the costly part).
/// </summary>
public sealed class OverlapView
{
    private const int MaxCachedLists = 64;
    private readonly bool[]? inArea;
    private readonly ConcurrentDictionary<string, Lazy<OverlapPair[]>> lists = new();

    /// <param name="inArea">Which schools are in the area, or null for all.</param>
    public OverlapView(OverlapSnapshot snapshot, bool[]? inArea)
    {
        Snapshot = snapshot;
        this.inArea = inArea;
        Sizes = new int[snapshot.NetworkCount];
        for (var n = 0; n < Sizes.Length; n++)
        {
            foreach (var s in snapshot.MembersOf(n)) if (Includes(s)) Sizes[n]++;
        }
    }

    public OverlapSnapshot Snapshot { get; }

    /// <summary>Each network's members inside the area.</summary>
    public int[] Sizes { get; }

    public bool Includes(int school) => inArea is null || inArea[school];

    /// <summary>Every pair of a network of <paramref name="kinds"/> and one of <paramref name="otherKinds"/> sharing a school, each pair once.</summary>
    public OverlapPair[] Pairs(KindSet kinds, KindSet otherKinds) => Cached($"pairs:{kinds.Key}/{otherKinds.Key}", () =>
    {
        var (inA, inB) = (kinds.Mask(Snapshot), otherKinds.Mask(Snapshot));
        var counter = new PairCounter(this);
        for (var a = 0; a < inA.Length; a++)
        {
            if (inA[a]) counter.Count(a, inB, inA);
        }
        return counter.Pairs.ToArray();
    });

    /// <summary>The same pairs in <paramref name="order"/>: largest value first, then by partnership ids.</summary>
    public OverlapPair[] Ranked(KindSet kinds, KindSet otherKinds, OverlapOrder order) => Cached($"ranked:{kinds.Key}/{otherKinds.Key}/{order}", () =>
    {
        var pairs = Pairs(kinds, otherKinds);
        var keys = pairs.Select(p => RankOf(p, order)).ToArray();
        var ranked = (OverlapPair[])pairs.Clone();
        Array.Sort(keys, ranked);
        return ranked;
    });

    /// <summary>The networks of <paramref name="otherKinds"/> sharing schools with one network, seen from it (A is always that network).</summary>
    public OverlapPair[] PairsOf(int network, KindSet otherKinds, OverlapOrder order)
    {
        var counter = new PairCounter(this);
        counter.Count(network, otherKinds.Mask(Snapshot), null);
        return counter.Pairs.OrderBy(p => RankOf(p, order)).ToArray();
    }

    public RankKey RankOf(OverlapPair pair, OverlapOrder order)
    {
        var (sizeA, sizeB) = (Sizes[pair.A], Sizes[pair.B]);
        long denominator = order switch
        {
            OverlapOrder.Jaccard => sizeA + sizeB - pair.Shared,
            OverlapOrder.OverlapCoefficient => Math.Min(sizeA, sizeB),
            _ => 1,
        };
        return new RankKey(pair.Shared, denominator, Snapshot.NetworkIds[pair.A], Snapshot.NetworkIds[pair.B]);
    }

    /// <summary>The first <paramref name="limit"/> schools (indexes, ascending) in both networks and in the area.</summary>
    public List<int> Shared(int a, int b, int limit)
    {
        var left = Snapshot.MembersOf(a);
        var right = Snapshot.MembersOf(b);
        var shared = new List<int>();
        for (var (i, j) = (0, 0); i < left.Length && j < right.Length && shared.Count < limit;)
        {
            if (left[i] < right[j]) i++;
            else if (left[i] > right[j]) j++;
            else
            {
                if (Includes(left[i])) shared.Add(left[i]);
                (i, j) = (i + 1, j + 1);
            }
        }
        return shared;
    }

    /// <summary>The school's networks (indexes) of the kinds in <paramref name="kindMask"/>.</summary>
    public List<int> NetworksOf(int school, bool[] kindMask)
    {
        var networks = new List<int>();
        foreach (var n in Snapshot.NetworksOf(school)) if (kindMask[n]) networks.Add(n);
        return networks;
    }

    /// <summary>The schools in the area in at least <paramref name="minNetworks"/> networks of the kinds, in URN order, with how many.</summary>
    public List<(int School, int Networks)> MultiNetwork(KindSet kinds, int minNetworks)
    {
        var mask = kinds.Mask(Snapshot);
        var result = new List<(int, int)>();
        for (var s = 0; s < Snapshot.SchoolCount; s++)
        {
            if (!Includes(s)) continue;
            var count = 0;
            foreach (var n in Snapshot.NetworksOf(s)) if (mask[n]) count++;
            if (count >= minNetworks) result.Add((s, count));
        }
        return result;
    }

    private OverlapPair[] Cached(string key, Func<OverlapPair[]> compute)
    {
        if (lists.Count >= MaxCachedLists) lists.Clear();
        return lists.GetOrAdd(key, _ => new Lazy<OverlapPair[]>(compute)).Value;
    }

    /// <summary>Counts shared schools from one network to its neighbours with a reusable sparse accumulator.</summary>
    private sealed class PairCounter(OverlapView view)
    {
        private readonly int[] counts = new int[view.Snapshot.NetworkCount];
        private readonly List<int> touched = [];

        public List<OverlapPair> Pairs { get; } = [];

        /// <param name="inA">When given, a pair whose two ends both qualify on both sides is counted once, from its lower end.</param>
        public void Count(int a, bool[] inB, bool[]? inA)
        {
            var snapshot = view.Snapshot;
            foreach (var school in snapshot.MembersOf(a))
            {
                if (!view.Includes(school)) continue;
                foreach (var b in snapshot.NetworksOf(school))
                {
                    if (b == a || !inB[b] || (inA is not null && b < a && inA[b] && inB[a])) continue;
                    if (counts[b]++ == 0) touched.Add(b);
                }
            }
            foreach (var b in touched)
            {
                Pairs.Add(new OverlapPair(a, b, counts[b]));
                counts[b] = 0;
            }
            touched.Clear();
        }
    }
}
