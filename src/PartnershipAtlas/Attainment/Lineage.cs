using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
        // The URNs travel as one parameter (a JSON array in SQLite, an int[] in PostgreSQL), however many there are.
        var (roots, parameter) = db.Database.IsNpgsql()
            ? ("SELECT u, u, 0 FROM unnest(@urns) AS u", (object)new NpgsqlParameter("urns", urns.ToArray()))
            : ("SELECT value, value, 0 FROM json_each(@urns)", new SqliteParameter("@urns", "[" + string.Join(",", urns) + "]"));
        // Only constants are spliced in; the URNs are a parameter.
        var sql = $"""
            WITH RECURSIVE lineage("Root", "Urn", "Depth") AS (
              {roots}
              UNION
              SELECT l."Root", k."LinkedUrn", l."Depth" + 1 FROM lineage l JOIN "EstablishmentLinks" k ON k."Urn" = l."Urn"
              WHERE k."LinkType" LIKE 'Predecessor%' AND l."Depth" < {MaxDepth}
            )
            SELECT "Root", "Urn", MIN("Depth") AS "Depth" FROM lineage GROUP BY "Root", "Urn"
            """;
        var steps = await db.Database.SqlQueryRaw<Step>(sql, parameter).ToListAsync(cancellationToken);
        return steps.ToLookup(s => s.Root);
    }
}
