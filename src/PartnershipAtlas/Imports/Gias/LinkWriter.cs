using System.Data.Common;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>Upserts establishment links by (URN, LinkURN, LinkType) with one prepared statement; unchanged rows are not touched.</summary>
internal sealed class LinkWriter : IDisposable
{
    private readonly HashSet<(int Urn, int LinkedUrn, string LinkType)> known = [];
    private readonly long runId;
    private readonly PreparedCommand upsert;

    private LinkWriter(DbConnection connection, DbTransaction transaction, long runId)
    {
        this.runId = runId;
        upsert = new PreparedCommand(connection, transaction, """
            INSERT INTO "EstablishmentLinks" ("Urn", "LinkedUrn", "LinkType", "LinkedName", "EstablishedDate", "ImportRunId") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
            ON CONFLICT ("Urn", "LinkedUrn", "LinkType") DO UPDATE SET "LinkedName" = excluded."LinkedName", "EstablishedDate" = excluded."EstablishedDate", "ImportRunId" = excluded."ImportRunId"
            WHERE "EstablishmentLinks"."LinkedName" IS DISTINCT FROM excluded."LinkedName" OR "EstablishmentLinks"."EstablishedDate" IS DISTINCT FROM excluded."EstablishedDate"
            """, 6);
    }

    public static async Task<LinkWriter> LoadAsync(DbConnection connection, DbTransaction transaction, long runId, CancellationToken cancellationToken)
    {
        var writer = new LinkWriter(connection, transaction, runId);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Urn\", \"LinkedUrn\", \"LinkType\" FROM \"EstablishmentLinks\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) writer.known.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2)));
        return writer;
    }

    /// <summary>Writes the link and counts it as inserted, updated or unchanged.</summary>
    public async Task WriteAsync(EstablishmentLink link, RowCounts counts, CancellationToken cancellationToken)
    {
        var changed = await upsert.ExecuteAsync(cancellationToken, link.Urn, link.LinkedUrn, link.LinkType, link.LinkedName, link.EstablishedDate, runId);
        if (known.Add((link.Urn, link.LinkedUrn, link.LinkType))) counts.Inserted++;
        else if (changed > 0) counts.Updated++;
        else counts.Unchanged++;
    }

    public void Dispose() => upsert.Dispose();
}
