using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>One active membership as the snapshot reads it: which school, which network.</summary>
public readonly record struct ActiveMembership(int Urn, int PartnershipId);

/// <summary>
/// Who belongs to what on one date, in compact arrays: schools and networks numbered densely (in URN and id order),
/// each network's members and each school's networks as sorted index runs (compressed sparse rows).
/// Built once per date from one read of the active memberships; immutable afterwards, so requests share it.
/// </summary>
public sealed class OverlapSnapshot
{
    private readonly int[] memberStart;
    private readonly int[] members;
    private readonly int[] networkStart;
    private readonly int[] networks;

    private OverlapSnapshot(DateOnly asOf, int[] urns, int[] networkIds, PartnershipKind[] kinds, int[] memberStart, int[] members, int[] networkStart, int[] networks)
    {
        AsOf = asOf;
        Urns = urns;
        NetworkIds = networkIds;
        Kinds = kinds;
        (this.memberStart, this.members, this.networkStart, this.networks) = (memberStart, members, networkStart, networks);
    }

    public DateOnly AsOf { get; }

    /// <summary>School index → URN, ascending.</summary>
    public int[] Urns { get; }

    /// <summary>Network index → partnership id, ascending.</summary>
    public int[] NetworkIds { get; }
    public PartnershipKind[] Kinds { get; }

    public int SchoolCount => Urns.Length;
    public int NetworkCount => NetworkIds.Length;
    public int MembershipCount => members.Length;

    /// <summary>The schools (indexes, ascending) in a network.</summary>
    public ReadOnlySpan<int> MembersOf(int network) => members.AsSpan(memberStart[network], memberStart[network + 1] - memberStart[network]);

    /// <summary>The networks (indexes, ascending) a school is in.</summary>
    public ReadOnlySpan<int> NetworksOf(int school) => networks.AsSpan(networkStart[school], networkStart[school + 1] - networkStart[school]);

    /// <summary>The index of a partnership, or a negative number when it has no members on the date.</summary>
    public int IndexOfNetwork(int partnershipId) => Array.BinarySearch(NetworkIds, partnershipId);

    /// <summary>The index of a school, or a negative number when it has no memberships on the date.</summary>
    public int IndexOfSchool(int urn) => Array.BinarySearch(Urns, urn);

    /// <summary>
    /// Numbers schools and networks, then lays out each network's members by a counting sort on the network (each run
    /// sorted and rid of duplicates on its own) and each school's networks from those runs in network order. Linear but
    /// for the short runs' sorts: a national store's 90,000 memberships take a few milliseconds.
    /// </summary>
    public static OverlapSnapshot Build(DateOnly asOf, IReadOnlyList<ActiveMembership> rows, IReadOnlyDictionary<int, PartnershipKind> kindOf)
    {
        var count = rows.Count;
        var urnOfRow = new int[count];
        var idOfRow = new int[count];
        for (var i = 0; i < count; i++) (urnOfRow[i], idOfRow[i]) = (rows[i].Urn, rows[i].PartnershipId);
        var schools = Numbering.Of(urnOfRow);
        var networkIds = Numbering.Of(idOfRow);
        var kinds = networkIds.Values.Select(id => kindOf[id]).ToArray();

        // Each row's school, in runs by network (a counting sort on the network).
        var memberStart = new int[networkIds.Values.Length + 1];
        for (var i = 0; i < count; i++) memberStart[(idOfRow[i] = networkIds.IndexOf(idOfRow[i])) + 1]++;
        for (var n = 0; n < networkIds.Values.Length; n++) memberStart[n + 1] += memberStart[n];
        var members = new int[count];
        var fill = memberStart[..^1];
        for (var i = 0; i < count; i++) members[fill[idOfRow[i]]++] = schools.IndexOf(urnOfRow[i]);

        // Each run sorted, its duplicates (two sources recording one membership) dropped, the runs moved together.
        var unique = 0;
        for (var n = 0; n < networkIds.Values.Length; n++)
        {
            var (start, end) = (memberStart[n], memberStart[n + 1]);
            Array.Sort(members, start, end - start);
            memberStart[n] = unique;
            for (var k = start; k < end; k++) if (k == start || members[k] != members[k - 1]) members[unique++] = members[k];
        }
        memberStart[^1] = unique;
        members = members[..unique];

        var networkStart = new int[schools.Values.Length + 1];
        foreach (var school in members) networkStart[school + 1]++;
        for (var s = 0; s < schools.Values.Length; s++) networkStart[s + 1] += networkStart[s];
        var networks = new int[unique];
        var next = networkStart[..^1];
        for (var n = 0; n < networkIds.Values.Length; n++)
        {
            for (var k = memberStart[n]; k < memberStart[n + 1]; k++) networks[next[members[k]]++] = n;
        }
        return new OverlapSnapshot(asOf, schools.Values, networkIds.Values, kinds, memberStart, members, networkStart, networks);
    }

    /// <summary>Distinct values numbered in ascending order, and each value's number.</summary>
    private sealed class Numbering
    {
        /// <summary>Values up to this are numbered through a table (a national store's URNs reach about 150,000); larger ones by binary search.</summary>
        private const int MaxTabled = 2_000_000;

        private readonly int[]? numberOf;

        private Numbering(int[] values, int[]? numberOf) => (Values, this.numberOf) = (values, numberOf);

        /// <summary>Number → value, ascending.</summary>
        public int[] Values { get; }

        public int IndexOf(int value) => numberOf is not null ? numberOf[value] : Array.BinarySearch(Values, value);

        public static Numbering Of(int[] values)
        {
            if (values.Length == 0) return new([], null);
            var (min, max) = (values.Min(), values.Max());
            if (min < 0 || max > MaxTabled)
            {
                var sorted = values.ToArray();
                Array.Sort(sorted);
                var distinct = sorted.Length == 0 ? 0 : 1;
                for (var i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
                return new(sorted[..distinct], null);
            }
            var numberOf = new int[max + 1];
            foreach (var value in values) numberOf[value] = 1;
            var ascending = new List<int>();
            for (var value = min; value <= max; value++)
            {
                if (numberOf[value] == 0) continue;
                numberOf[value] = ascending.Count;
                ascending.Add(value);
            }
            return new([.. ascending], numberOf);
        }
    }
}
