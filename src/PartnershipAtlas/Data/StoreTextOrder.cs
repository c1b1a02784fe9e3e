using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

/// <summary>How the store orders text its columns hold without a collation of their own: by code point, or by a language's rules.</summary>
public static class StoreTextOrder
{
    /// <summary>Texts a language's collation orders otherwise than by code point: case, accents, punctuation, spaces and digits.</summary>
    private static readonly string[] Probe = ["b", "B", "a", "A", "é", "e", "Z", "z", "_", "-", " x", "x", "10", "9", "ß", "ss"];

    /// <summary>The probe's texts as rows, sorted by the database (the texts are this class's own constants).</summary>
    private static readonly string ProbeSql = "-- " + HeldReads.Tag + "\n" + "SELECT x AS \"Value\" FROM (VALUES " + string.Join(", ", Probe.Select(text => "('" + text + "')")) + ") AS probe(x) ORDER BY x";

    /// <summary>
    /// Whether the store orders text by code point: SQLite always does (BINARY); PostgreSQL does under a <c>C</c>,
    /// <c>C.UTF-8</c> or <c>ucs_basic</c> collation, which the database's default is asked to show by sorting a probe.
    /// </summary>
    public static async Task<bool> IsByCodePointAsync(AtlasDbContext db, CancellationToken cancellationToken = default)
    {
        if (db is not PostgresAtlasDbContext) return true;
        var sorted = await db.Database.SqlQueryRaw<string>(ProbeSql).ToListAsync(cancellationToken);
        return sorted.SequenceEqual(Probe.Order(StringComparer.Ordinal));
    }
}
