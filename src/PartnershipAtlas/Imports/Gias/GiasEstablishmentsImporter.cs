using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-establishments</c> dataset: the national <c>edubasealldata</c> extract and the GIAS search export.
/// Each row becomes an establishment and its memberships of trust, sponsor, federation, diocese, LA and region.
/// </summary>
public sealed class GiasEstablishmentsImporter : IDatasetImporter
{
    public const string Name = MembershipSources.GiasEstablishments;

    /// <summary>Rows held in memory between bulk writes (PostgreSQL); SQLite writes each row as it is read.</summary>
    private const int RowsPerBatch = 10_000;

    public string Dataset => Name;

    public IReadOnlyList<string[]> RequiredColumns => GiasEstablishmentColumns.Required;

    public string Description => "GIAS establishments (edubasealldata or a search export) -> Establishments, Partnerships, Memberships";

    public string? PublishedFileName(DateOnly date) => $"edubasealldata{date:yyyyMMdd}.csv";

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var (rows, connection, transaction) = (context.Rows, context.Connection, context.Transaction);
        var columns = new GiasEstablishmentColumns(rows);
        using var establishments = await EstablishmentWriter.LoadAsync(connection, transaction, columns, cancellationToken);
        using var partnerships = await PartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        using var memberships = await MembershipWriter.LoadAsync(connection, transaction, Name, context.RunId, cancellationToken);
        var firstLineOf = new Dictionary<int, int>();

        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var (row, error) = GiasEstablishmentRow.Read(rows, columns);
            if (row is null)
            {
                context.Rejections.Reject(rows.Line, error!);
                continue;
            }
            var e = row.Establishment;
            if (!firstLineOf.TryAdd(e.Urn, rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"URN {e.Urn} appears again (first on line {firstLineOf[e.Urn]})");
                continue;
            }

            var wasKnown = establishments.IsKnown(e.Urn);
            await establishments.WriteAsync(e, context.Counts, cancellationToken);
            var ids = new List<int>(row.Networks.Count);
            foreach (var network in row.Networks) ids.Add(await partnerships.IdOfAsync(network, cancellationToken));
            DateOnly? left = IsClosed(e.Status) ? e.CloseDate ?? context.ExtractDate : null;
            DateOnly? joined = wasKnown ? context.ExtractDate : null;
            await memberships.ReconcileAsync(e.Urn, ids, joined, left, context.ExtractDate, cancellationToken);
            if (context.Counts.Read % RowsPerBatch == 0) await FlushAsync();
        }
        await FlushAsync();

        // Establishments first: the memberships waiting to be written refer to them.
        async Task FlushAsync()
        {
            await establishments.FlushAsync(cancellationToken);
            await memberships.FlushAsync(cancellationToken);
        }
    }

    private static bool IsClosed(string? status) => string.Equals(status, "Closed", StringComparison.OrdinalIgnoreCase);
}
