using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports.Bulk;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Upserts establishment links by (URN, LinkURN, LinkType) through one <see cref="BulkUpsert"/>; unchanged rows are
/// not touched.
/// </summary>
internal sealed class LinkWriter : IBatchWriter<EstablishmentLink>
{
    private static readonly string[] Columns = ["Urn", "LinkedUrn", "LinkType", "LinkedName", "EstablishedDate", "ImportRunId"];
    private static readonly string[] Compared = ["LinkedName", "EstablishedDate"];

    private readonly HashSet<(int Urn, int LinkedUrn, string LinkType)> known;
    private readonly long runId;
    private readonly BulkUpsert upsert;

    private LinkWriter(DbConnection connection, DbTransaction transaction, long runId, HashSet<(int, int, string)> known)
    {
        (this.runId, this.known) = (runId, known);
        upsert = new BulkUpsert(connection, transaction, "EstablishmentLinks", Columns, keyCount: 3, Compared);
    }

    public static async Task<LinkWriter> LoadAsync(DbConnection connection, DbTransaction transaction, long runId, CancellationToken cancellationToken)
    {
        var known = await DbCommands.QueryAsync(connection, transaction, "SELECT \"Urn\", \"LinkedUrn\", \"LinkType\" FROM \"EstablishmentLinks\"",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetString(2)), cancellationToken);
        return new LinkWriter(connection, transaction, runId, [.. known]);
    }

    /// <summary>Writes the link and counts it as inserted, updated or unchanged.</summary>
    public Task WriteAsync(EstablishmentLink link, RowCounts counts, CancellationToken cancellationToken)
    {
        var isNew = known.Add((link.Urn, link.LinkedUrn, link.LinkType));
        return upsert.AddAsync([link.Urn, link.LinkedUrn, link.LinkType, link.LinkedName, link.EstablishedDate, runId], counts.WhenWritten(isNew), cancellationToken);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => upsert.FlushAsync(cancellationToken);

    public void Dispose() => upsert.Dispose();
}
