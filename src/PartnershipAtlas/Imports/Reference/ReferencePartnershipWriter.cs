using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>A partnership as a reference list or partnerships file states it, attributes included.</summary>
public sealed record PartnershipFacts(
    PartnershipKind Kind, string SourceKey, string Name, string? Code = null, DateOnly? OpenDate = null, DateOnly? CloseDate = null,
    FederationType? FederationType = null, DioceseDenomination? Denomination = null,
    string? Website = null, string? ContactEmail = null, string? ContactPhone = null);

/// <summary>
/// Inserts or updates partnerships by source key with everything a list states about them, counting rows as
/// inserted, updated or unchanged. A GIAS import naming the same key later finds the same partnership.
/// </summary>
internal sealed class ReferencePartnershipWriter : IDisposable
{
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly PreparedCommand upsert;

    private ReferencePartnershipWriter(DbConnection connection, DbTransaction transaction)
    {
        upsert = new PreparedCommand(connection, transaction, """
            INSERT INTO "Partnerships" ("Kind", "SourceKey", "Name", "Code", "OpenDate", "CloseDate", "FederationType", "Denomination", "Website", "ContactEmail", "ContactPhone")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            ON CONFLICT ("SourceKey") DO UPDATE SET "Name" = excluded."Name", "Code" = excluded."Code", "OpenDate" = excluded."OpenDate",
                "CloseDate" = excluded."CloseDate", "FederationType" = excluded."FederationType", "Denomination" = excluded."Denomination",
                "Website" = excluded."Website", "ContactEmail" = excluded."ContactEmail", "ContactPhone" = excluded."ContactPhone"
            RETURNING "Id"
            """, 11);
    }

    public static async Task<ReferencePartnershipWriter> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var writer = new ReferencePartnershipWriter(connection, transaction);
        writer.known.UnionWith(await DbCommands.QueryAsync(connection, transaction, "SELECT \"SourceKey\" FROM \"Partnerships\"", r => r.GetString(0), cancellationToken));
        return writer;
    }

    public async Task<int> WriteAsync(PartnershipFacts p, RowCounts counts, CancellationToken cancellationToken)
    {
        var id = Convert.ToInt32(await upsert.ScalarAsync(cancellationToken,
            p.Kind.ToString(), p.SourceKey, p.Name, p.Code, p.OpenDate, p.CloseDate, p.FederationType?.ToString(), p.Denomination?.ToString(),
            p.Website, p.ContactEmail, p.ContactPhone));
        if (known.Add(p.SourceKey)) counts.Inserted++;
        else counts.Updated++;
        return id;
    }

    public void Dispose() => upsert.Dispose();
}
