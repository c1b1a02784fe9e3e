using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-group-links</c> dataset: group membership files. <c>alllinksdata&lt;YYYYMMDD&gt;.csv</c> lists current
/// links with their <c>Joined date</c>: a membership it no longer lists is closed (left = the extract date).
/// <c>academiesmatmembership&lt;YYYYMMDD&gt;.csv</c> is history, with <c>Date Joined Group</c> and <c>Date Left Group</c>:
/// each row is one dated membership, so a school that moved trust keeps both. An open membership the establishments
/// extract recorded for the same school and group is adopted (given these dates), never duplicated. Groups and
/// establishments the store does not know yet are added from the row's own columns.
/// </summary>
public sealed class GiasGroupLinksImporter : IDatasetImporter
{
    public const string Name = MembershipSources.GiasGroupLinks;

    private static readonly string[] JoinedNames = ["Joined date", "Date Joined Group", "JoinedDate", "Date joined group"];
    private static readonly string[] LeftNames = ["Date Left Group", "Left date", "Date left group"];

    public string Dataset => Name;

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["EstablishmentName"], GiasGroupColumns.UidNames, GiasGroupColumns.NameNames, GiasGroupColumns.TypeNames, JoinedNames];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var (rows, connection, transaction) = (context.Rows, context.Connection, context.Transaction);
        var (establishmentColumns, groupColumns) = (new GiasEstablishmentColumns(rows), new GiasGroupColumns(rows));
        var (joinedColumn, leftColumn) = (rows.Find(JoinedNames), rows.Find(LeftNames));
        using var establishments = await EstablishmentWriter.LoadAsync(connection, transaction, establishmentColumns, cancellationToken);
        using var partnerships = await PartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        using var memberships = await MembershipWriter.LoadAsync(connection, transaction, Name, context.RunId, cancellationToken);
        var partnershipOfGroup = new Dictionary<int, int>();
        var firstLineOf = new Dictionary<(int, int, DateOnly?), int>();

        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var (establishment, error) = GiasEstablishmentRow.Read(rows, establishmentColumns);
            var (group, ignored, groupError) = GiasGroup.Read(rows, groupColumns);
            var (joined, left, dateError) = Dates(rows, joinedColumn, leftColumn);
            if (ignored is not null && error is null)
            {
                context.Counts.Ignore(ignored);
                continue;
            }
            if (establishment is null || group is null || dateError is not null)
            {
                context.Rejections.Reject(rows.Line, error ?? groupError ?? dateError!);
                continue;
            }
            var urn = establishment.Establishment.Urn;
            if (!firstLineOf.TryAdd((urn, group.Uid, joined), rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"URN {urn} in group {group.Uid} joined {joined?.ToString("dd/MM/yyyy") ?? "(no date)"} appears again (first on line {firstLineOf[(urn, group.Uid, joined)]})");
                continue;
            }

            await establishments.AddIfNewAsync(establishment.Establishment, cancellationToken);
            if (!partnershipOfGroup.TryGetValue(group.Uid, out var partnershipId))
            {
                partnershipOfGroup[group.Uid] = partnershipId = await partnerships.WriteGroupAsync(group, mayAdopt: true, counts: null, cancellationToken);
            }
            await memberships.RecordAsync(urn, partnershipId, joined, left, context.Counts, cancellationToken);
        }
        if (leftColumn is null) await memberships.CloseUnseenAsync(context.ExtractDate, cancellationToken);
        await establishments.FlushAsync(cancellationToken);
        await memberships.FlushAsync(cancellationToken);
    }

    private static (DateOnly? Joined, DateOnly? Left, string? Error) Dates(CsvRows rows, int? joinedColumn, int? leftColumn)
    {
        var (joinedText, leftText) = (rows.Get(joinedColumn), rows.Get(leftColumn));
        if (!GiasValues.TryDate(joinedText, out var joined)) return (null, null, $"joined date '{joinedText}' is not a dd/mm/yyyy date");
        if (!GiasValues.TryDate(leftText, out var left)) return (null, null, $"left date '{leftText}' is not a dd/mm/yyyy date");
        if (joined is not null && left is not null && left < joined) return (null, null, $"left date {leftText} is before joined date {joinedText}");
        return (joined, left, null);
    }
}
