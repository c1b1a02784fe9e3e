using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>One establishment's link to another, from its own row in the links file or mirrored from the other end's.</summary>
/// <param name="AsPublished">False when GIAS lists the link only from the other establishment's end and the type is mirrored.</param>
public sealed record DirectedLink(int Urn, int LinkedUrn, string LinkType, DateOnly? EstablishedDate, string? LinkedName, bool AsPublished)
{
    public LinkDirection Direction => EstablishmentLinkTypes.DirectionOf(LinkType);
}

/// <summary>An establishment in another's line of predecessors (negative generations) or successors (positive).</summary>
public sealed record LineageEntry(int Urn, string? Name, int Generation, DirectedLink Via);

/// <summary>An establishment's membership, possibly of one of its predecessors, as the membership history lists it.</summary>
public sealed record HistoricMembership(Membership Membership, int Generation);

/// <summary>
/// Links, lineage and membership history for many establishments at once: one statement per batch for links, one
/// per generation for lineage, so the number of statements does not grow with the number of establishments.
/// </summary>
public static class LineageQueries
{
    public const int DefaultDepth = 10;
    public const int MaxDepth = 50;

    /// <summary>Every link of each establishment: its own rows, and rows published only from the other end, mirrored.</summary>
    public static async Task<IDictionary<int, IReadOnlyList<DirectedLink>>> LinksOfAsync(AtlasDbContext db, IReadOnlyCollection<int> urns, CancellationToken cancellationToken)
    {
        var rows = await db.EstablishmentLinks.AsNoTracking().Where(l => EF.Parameter(urns).Contains(l.Urn) || EF.Parameter(urns).Contains(l.LinkedUrn)).ToListAsync(cancellationToken);
        var links = urns.Distinct().ToDictionary(u => u, _ => new List<DirectedLink>());
        foreach (var row in rows.Where(r => links.ContainsKey(r.Urn)))
        {
            links[row.Urn].Add(new DirectedLink(row.Urn, row.LinkedUrn, row.LinkType, row.EstablishedDate, row.LinkedName, AsPublished: true));
        }
        var mirrored = new List<DirectedLink>();
        foreach (var row in rows.Where(r => links.ContainsKey(r.LinkedUrn)))
        {
            var link = new DirectedLink(row.LinkedUrn, row.Urn, EstablishmentLinkTypes.Mirror(row.LinkType), row.EstablishedDate, null, AsPublished: false);
            if (!links[link.Urn].Any(l => l.LinkedUrn == link.LinkedUrn && l.Direction == link.Direction)) mirrored.Add(link);
        }
        var names = await NamesAsync(db, mirrored.Select(l => l.LinkedUrn).Distinct().ToList(), cancellationToken);
        foreach (var link in mirrored) links[link.Urn].Add(link with { LinkedName = names.GetValueOrDefault(link.LinkedUrn) });
        return links.ToDictionary(x => x.Key, x => (IReadOnlyList<DirectedLink>)x.Value.OrderBy(l => l.EstablishedDate).ThenBy(l => l.LinkedUrn).ThenBy(l => l.LinkType).ToList());
    }

    /// <summary>
    /// Each establishment's predecessors (followed back) and successors (followed forward), transitively, up to
    /// <paramref name="depth"/> generations each way; an establishment met twice (a cycle, or two routes) is listed once.
    /// </summary>
    public static async Task<IDictionary<int, IReadOnlyList<LineageEntry>>> LineageOfAsync(AtlasDbContext db, IReadOnlyCollection<int> urns, int depth, bool successors, CancellationToken cancellationToken)
    {
        var lineage = urns.Distinct().ToDictionary(u => u, _ => new List<LineageEntry>());
        var seen = lineage.Keys.ToDictionary(u => u, u => new HashSet<int> { u });
        var directions = successors ? new[] { (LinkDirection.Predecessor, -1), (LinkDirection.Successor, 1) } : [(LinkDirection.Predecessor, -1)];
        foreach (var (direction, sign) in directions)
        {
            var frontier = lineage.Keys.Select(root => (Root: root, Urn: root)).ToList();
            for (var generation = 1; generation <= depth && frontier.Count > 0; generation++)
            {
                var links = await LinksOfAsync(db, frontier.Select(f => f.Urn).Distinct().ToList(), cancellationToken);
                var next = new List<(int Root, int Urn)>();
                foreach (var (root, urn) in frontier)
                {
                    foreach (var link in links[urn].Where(l => l.Direction == direction && seen[root].Add(l.LinkedUrn)))
                    {
                        lineage[root].Add(new LineageEntry(link.LinkedUrn, link.LinkedName, sign * generation, link));
                        next.Add((root, link.LinkedUrn));
                    }
                }
                frontier = next;
            }
        }
        return lineage.ToDictionary(x => x.Key, x => (IReadOnlyList<LineageEntry>)x.Value.OrderBy(e => e.Generation).ThenBy(e => e.Urn).ToList());
    }

    /// <summary>Every membership of each establishment and (when following lineage) of its predecessors, in date order.</summary>
    public static async Task<IDictionary<int, IReadOnlyList<HistoricMembership>>> MembershipHistoryAsync(AtlasDbContext db, IReadOnlyCollection<int> urns, int depth, CancellationToken cancellationToken)
    {
        var predecessors = depth == 0 ? urns.Distinct().ToDictionary(u => u, _ => (IReadOnlyList<LineageEntry>)[]) : await LineageOfAsync(db, urns, depth, successors: false, cancellationToken);
        var generationOf = predecessors.ToDictionary(x => x.Key, x => x.Value.ToDictionary(e => e.Urn, e => e.Generation));
        foreach (var (root, generations) in generationOf) generations[root] = 0;
        var everyUrn = generationOf.Values.SelectMany(g => g.Keys).Distinct().ToList();
        var memberships = (await db.Memberships.AsNoTracking().Include(m => m.Partnership).Where(m => m.EstablishmentUrn != null && EF.Parameter(everyUrn).Contains(m.EstablishmentUrn.Value)).ToListAsync(cancellationToken))
            .ToLookup(m => m.EstablishmentUrn!.Value);
        return generationOf.ToDictionary(x => x.Key, x => (IReadOnlyList<HistoricMembership>)x.Value
            .SelectMany(g => memberships[g.Key].Select(m => new HistoricMembership(m, g.Value)))
            .OrderBy(h => h.Membership.Joined ?? DateOnly.MinValue).ThenBy(h => h.Membership.Left ?? DateOnly.MaxValue).ThenBy(h => h.Membership.Id)
            .ToList());
    }

    private static async Task<Dictionary<int, string>> NamesAsync(AtlasDbContext db, List<int> urns, CancellationToken cancellationToken)
    {
        if (urns.Count == 0) return [];
        var names = await db.Establishments.AsNoTracking().Where(e => EF.Parameter(urns).Contains(e.Urn)).ToDictionaryAsync(e => e.Urn, e => e.Name, cancellationToken);
        var missing = urns.Where(u => !names.ContainsKey(u)).ToList();
        if (missing.Count == 0) return names;
        var published = await db.EstablishmentLinks.AsNoTracking().Where(l => EF.Parameter(missing).Contains(l.LinkedUrn)).Select(l => new { l.LinkedUrn, l.LinkedName }).ToListAsync(cancellationToken);
        foreach (var p in published) names.TryAdd(p.LinkedUrn, p.LinkedName);
        return names;
    }
}
