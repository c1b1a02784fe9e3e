using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>One active membership as the snapshot reads it: who, which network, of what kind, and where the school is.</summary>
public readonly record struct ActiveMembership(int Urn, int PartnershipId, PartnershipKind Kind, string? LaCode, string? Region, string? Phase);

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

    private OverlapSnapshot(DateOnly asOf, int[] urns, int[] networkIds, PartnershipKind[] kinds, string?[][] places, int[] memberStart, int[] members, int[] networkStart, int[] networks)
    {
        AsOf = asOf;
        Urns = urns;
        NetworkIds = networkIds;
        Kinds = kinds;
        (LaCodes, Regions, Phases) = (places[0], places[1], places[2]);
        (this.memberStart, this.members, this.networkStart, this.networks) = (memberStart, members, networkStart, networks);
    }

    public DateOnly AsOf { get; }

    /// <summary>School index → URN, ascending.</summary>
    public int[] Urns { get; }
    public string?[] LaCodes { get; }
    public string?[] Regions { get; }
    public string?[] Phases { get; }

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

    public static OverlapSnapshot Build(DateOnly asOf, IReadOnlyList<ActiveMembership> rows)
    {
        var urns = rows.Select(r => r.Urn).Distinct().Order().ToArray();
        var networkIds = rows.Select(r => r.PartnershipId).Distinct().Order().ToArray();
        var kinds = new PartnershipKind[networkIds.Length];
        var places = new[] { new string?[urns.Length], new string?[urns.Length], new string?[urns.Length] };
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Intern(string? value) => value is null ? null : interned.TryGetValue(value, out var known) ? known : interned[value] = value;

        var pairs = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var school = Array.BinarySearch(urns, row.Urn);
            var network = Array.BinarySearch(networkIds, row.PartnershipId);
            kinds[network] = row.Kind;
            (places[0][school], places[1][school], places[2][school]) = (Intern(row.LaCode), Intern(row.Region), Intern(row.Phase));
            pairs[i] = ((long)network << 32) | (uint)school;
        }
        Array.Sort(pairs);
        var unique = pairs.Length == 0 ? 0 : 1;
        for (var i = 1; i < pairs.Length; i++) if (pairs[i] != pairs[unique - 1]) pairs[unique++] = pairs[i];

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
        return new OverlapSnapshot(asOf, urns, networkIds, kinds, places, memberStart, members, networkStart, networks);
    }
}
