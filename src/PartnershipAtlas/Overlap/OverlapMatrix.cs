using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>
/// One cell of the kind-by-kind matrix: schools in both a network of <see cref="Kind"/> and one of
/// <see cref="OtherKind"/> (for the diagonal: in two networks of the kind), and how many networks of the other kind
/// each network of the kind touches (shares at least one school with).
/// </summary>
public sealed record KindOverlap(PartnershipKind Kind, PartnershipKind OtherKind, int SharedSchools, int Networks, int TouchingNetworks, double MeanTouched, int MaxTouched);

/// <summary>Computes the matrix from a view: one pass over the schools, one over the pairs of networks.</summary>
public static class OverlapMatrix
{
    public static IReadOnlyList<KindOverlap> Compute(OverlapView view, KindSet kinds)
    {
        var snapshot = view.Snapshot;
        var present = Enum.GetValues<PartnershipKind>().Where(kinds.Contains).ToArray();
        var width = present.Length == 0 ? 0 : present.Max(k => (int)k) + 1;
        var shared = SharedSchools(view, kinds.Mask(snapshot), width);

        var touched = new int[snapshot.NetworkCount * width];
        foreach (var pair in view.Pairs(kinds, kinds))
        {
            touched[pair.A * width + (int)snapshot.Kinds[pair.B]]++;
            touched[pair.B * width + (int)snapshot.Kinds[pair.A]]++;
        }

        var cells = new List<KindOverlap>();
        foreach (var kind in present)
        {
            var networks = Enumerable.Range(0, snapshot.NetworkCount).Where(n => snapshot.Kinds[n] == kind && view.Sizes[n] > 0).ToList();
            if (networks.Count == 0) continue;
            foreach (var other in present)
            {
                var counts = networks.Select(n => touched[n * width + (int)other]).ToList();
                var sharedSchools = shared[Math.Min((int)kind, (int)other) * width + Math.Max((int)kind, (int)other)];
                cells.Add(new KindOverlap(kind, other, sharedSchools, networks.Count, counts.Count(c => c > 0), counts.Average(), counts.Max()));
            }
        }
        return cells;
    }

    /// <summary>Per unordered pair of kinds (lower kind first), the schools in networks of both; the diagonal counts schools in two of one kind.</summary>
    private static int[] SharedSchools(OverlapView view, bool[] kindMask, int width)
    {
        var snapshot = view.Snapshot;
        var shared = new int[width * width];
        var perKind = new int[width];
        var seen = new List<int>();
        for (var s = 0; s < snapshot.SchoolCount; s++)
        {
            if (!view.Includes(s)) continue;
            foreach (var n in snapshot.NetworksOf(s))
            {
                if (!kindMask[n]) continue;
                var k = (int)snapshot.Kinds[n];
                if (perKind[k]++ == 0) seen.Add(k);
            }
            seen.Sort();
            for (var i = 0; i < seen.Count; i++)
            {
                if (perKind[seen[i]] >= 2) shared[seen[i] * width + seen[i]]++;
                for (var j = i + 1; j < seen.Count; j++) shared[seen[i] * width + seen[j]]++;
            }
            foreach (var k in seen) perKind[k] = 0;
            seen.Clear();
        }
        return shared;
    }
}
