using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Attainment;

/// <summary>
/// A school's predecessors through GIAS links (<c>EstablishmentLinks</c> rows whose type starts with
/// <c>Predecessor</c>: the linked URN is the older school), followed transitively in one recursive statement.
/// </summary>
public static class Lineage
{
    public sealed record Step(int Root, int Urn, int Depth);

    private const int MaxDepth = 20;

    /// <summary>For each URN: itself (depth 0) and every predecessor, with its distance.</summary>
    public static async Task<ILookup<int, Step>> OfAsync(AtlasDbContext db, IReadOnlyCollection<int> urns, CancellationToken cancellationToken)
    {
        var json = "[" + string.Join(",", urns) + "]";
        var steps = await db.Database.SqlQueryRaw<Step>($"""
            WITH RECURSIVE lineage(Root, Urn, Depth) AS (
              SELECT value, value, 0 FROM json_each(@urns)
              UNION
              SELECT l.Root, k.LinkedUrn, l.Depth + 1 FROM lineage l JOIN EstablishmentLinks k ON k.Urn = l.Urn
              WHERE k.LinkType LIKE 'Predecessor%' AND l.Depth < {MaxDepth}
            )
            SELECT Root, Urn, MIN(Depth) AS Depth FROM lineage GROUP BY Root, Urn
            """, new SqliteParameter("@urns", json)).ToListAsync(cancellationToken);
        return steps.ToLookup(s => s.Root);
    }
}
