using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// Reads of networks inside networks on a date: the memberships of networks in networks active on it (the one rule of
/// <see cref="MembershipActivity"/>), followed one level per statement and never more than
/// <see cref="NetworkNesting.MaxDepth"/> levels (the nesting rules keep every chain within it).
/// </summary>
public static class NestedNetworks
{
    public const string ArgumentName = "includeNested";

    /// <summary>Adds <c>includeNested: Boolean = false</c> to a field.</summary>
    public static FieldBuilder<TSource, TReturn> IncludeNestedArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string description) =>
        field.Argument<BooleanGraphType>(ArgumentName, description, a => a.DefaultValue = false);

    /// <summary>Whether the field was asked to count through nested networks.</summary>
    public static bool IncludeNested(this IResolveFieldContext context) => context.GetArgument(ArgumentName, false);

    /// <summary>
    /// For each network, itself and every network inside it on the date, at any depth: one statement per level of
    /// nesting (none beyond <see cref="NetworkNesting.MaxDepth"/>).
    /// </summary>
    public static async Task<Dictionary<int, HashSet<int>>> WithNestedAsync(AtlasDbContext db, IReadOnlyCollection<int> networks, DateOnly asOf, CancellationToken cancellationToken)
    {
        var active = MembershipQueries.ActiveOn(asOf);
        var membersOf = new Dictionary<int, List<int>>();
        var frontier = networks.Distinct().ToList();
        for (var level = 0; level < NetworkNesting.MaxDepth && frontier.Count > 0; level++)
        {
            var edges = await db.Memberships.AsNoTracking().Where(active)
                .Where(m => m.MemberPartnershipId != null && EF.Parameter(frontier).Contains(m.PartnershipId))
                .Select(m => new NetworkEdge(m.PartnershipId, m.MemberPartnershipId!.Value))
                .ToListAsync(cancellationToken);
            foreach (var id in frontier) membersOf[id] = [];
            foreach (var edge in edges) membersOf[edge.Network].Add(edge.Member);
            frontier = edges.Select(e => e.Member).Where(id => !membersOf.ContainsKey(id)).Distinct().ToList();
        }
        return networks.Distinct().ToDictionary(id => id, id => Reachable(id, membersOf));
    }

    private static HashSet<int> Reachable(int network, Dictionary<int, List<int>> membersOf)
    {
        var reached = new HashSet<int> { network };
        var stack = new Stack<int>([network]);
        while (stack.TryPop(out var here))
        {
            foreach (var member in membersOf.GetValueOrDefault(here) ?? []) if (reached.Add(member)) stack.Push(member);
        }
        return reached;
    }

    /// <summary>
    /// Each network's members on the date with those of the networks inside it, each member once (its first
    /// membership by id), in membership id order; <paramref name="where"/> keeps only matching memberships.
    /// </summary>
    public static async Task<Dictionary<int, List<Membership>>> MembersAsync(AtlasDbContext db, IReadOnlyCollection<int> networks, DateOnly asOf,
        System.Linq.Expressions.Expression<Func<Membership, bool>>? where, CancellationToken cancellationToken)
    {
        var withNested = await WithNestedAsync(db, networks, asOf, cancellationToken);
        var all = withNested.Values.SelectMany(ids => ids).Distinct().ToList();
        var rows = await db.Memberships.AsNoTracking().Where(MembershipQueries.ActiveOn(asOf)).Where(m => EF.Parameter(all).Contains(m.PartnershipId))
            .Where(where ?? (m => true)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var byNetwork = rows.ToLookup(m => m.PartnershipId);
        return withNested.ToDictionary(n => n.Key, n => n.Value.SelectMany(id => byNetwork[id]).OrderBy(m => m.Id).DistinctBy(m => m.Member()).ToList());
    }
}
