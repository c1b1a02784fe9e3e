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

    public static OverlapSnapshot Build(DateOnly asOf, IReadOnlyList<ActiveMembership> rows, IReadOnlyDictionary<int, PartnershipKind> kindOf)
    {
        var urns = SortedDistinct(rows, r => r.Urn);
        var networkIds = SortedDistinct(rows, r => r.PartnershipId);
        var kinds = networkIds.Select(id => kindOf[id]).ToArray();

        var pairs = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var school = Array.BinarySearch(urns, row.Urn);
            var network = Array.BinarySearch(networkIds, row.PartnershipId);
            pairs[i] = ((long)network << 32) | (uint)school;
        }
        var unique = SortUnique(pairs);

        var memberStart = new int[networkIds.Length + 1];
        var members = new int[unique];
        var networkStart = new int[urns.Length + 1];
        for (var i = 0; i < unique; i++)
        {
            memberStart[(int)(pairs[i] >> 32) + 1]++;
            networkStart[(int)pairs[i] + 1]++;
            members[i] = (int)pairs[i];
        }
        for (var n = 0; n < networkIds.Length; n++) memberStart[n + 1] += memberStart[n];
        for (var s = 0; s < urns.Length; s++) networkStart[s + 1] += networkStart[s];

        var networks = new int[unique];
        var next = networkStart[..^1];
        for (var i = 0; i < unique; i++) networks[next[(int)pairs[i]]++] = (int)(pairs[i] >> 32);
        return new OverlapSnapshot(asOf, urns, networkIds, kinds, memberStart, members, networkStart, networks);
    }

    private static int[] SortedDistinct(IReadOnlyList<ActiveMembership> rows, Func<ActiveMembership, int> value)
    {
        var values = new int[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(rows[i]);
        return values[..SortUnique(values)];
    }

    /// <summary>Sorts and moves the distinct values to the front; returns how many there are.</summary>
    private static int SortUnique<T>(T[] values) where T : IEquatable<T>
    {
        Array.Sort(values);
        var unique = values.Length == 0 ? 0 : 1;
        for (var i = 1; i < values.Length; i++) if (!values[i].Equals(values[unique - 1])) values[unique++] = values[i];
        return unique;
    }
}
