using PartnershipAtlas.Characteristics.Imports;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Writes an establishments file: each establishment, what the extract says about it (<see cref="ExtractAttributesWriter"/>),
/// the networks its row names and its memberships of them. A closed school's memberships end on its close date (else
/// the extract date); a school the store already knew joins a network it is new to on the extract date.
/// </summary>
internal sealed class GiasEstablishmentsWriter(
    ImportContext context, EstablishmentWriter establishments, PartnershipWriter partnerships, MembershipWriter memberships, ExtractAttributesWriter extracts)
    : IBatchWriter<GiasEstablishmentRow>
{
    /// <summary>Rows held in memory between bulk writes (PostgreSQL); SQLite writes each row as it is read.</summary>
    private const int RowsPerBatch = 10_000;

    private int written;

    public static async Task<GiasEstablishmentsWriter> LoadAsync(ImportContext context, GiasEstablishmentColumns columns, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (context.Connection, context.Transaction);
        return new GiasEstablishmentsWriter(context,
            await EstablishmentWriter.LoadAsync(connection, transaction, columns, cancellationToken),
            await PartnershipWriter.LoadAsync(connection, transaction, cancellationToken),
            await MembershipWriter.LoadAsync(connection, transaction, GiasEstablishmentsImporter.Name, context.RunId, cancellationToken),
            new ExtractAttributesWriter(context));
    }

    public async Task WriteAsync(GiasEstablishmentRow row, RowCounts counts, CancellationToken cancellationToken)
    {
        var e = row.Establishment;
        var wasKnown = establishments.IsKnown(e.Urn);
        await establishments.WriteAsync(e, counts, cancellationToken);
        await extracts.WriteAsync(e.Urn, context.Rows, cancellationToken);
        var ids = new List<int>(row.Networks.Count);
        foreach (var network in row.Networks) ids.Add(await partnerships.IdOfAsync(network, cancellationToken));
        DateOnly? left = IsClosed(e.Status) ? e.CloseDate ?? context.ExtractDate : null;
        DateOnly? joined = wasKnown ? context.ExtractDate : null;
        await memberships.ReconcileAsync(e.Urn, ids, joined, left, context.ExtractDate, cancellationToken);
        if (++written % RowsPerBatch == 0) await CompleteAsync(cancellationToken);
    }

    /// <summary>Writes what is batched; establishments first, since the memberships waiting to be written refer to them.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await establishments.FlushAsync(cancellationToken);
        await memberships.FlushAsync(cancellationToken);
        await extracts.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        establishments.Dispose();
        partnerships.Dispose();
        memberships.Dispose();
        extracts.Dispose();
    }

    private static bool IsClosed(string? status) => string.Equals(status, "Closed", StringComparison.OrdinalIgnoreCase);
}
