using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Pipeline;
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
internal sealed class GiasGroupLinksImporter : RowDataset<GroupLinkRow>
{
    public const string Name = MembershipSources.GiasGroupLinks;

    private static readonly string[] JoinedNames = ["Joined date", "Date Joined Group", "JoinedDate", "Date joined group"];
    private static readonly string[] LeftNames = ["Date Left Group", "Left date", "Date left group"];

    public override string Dataset => Name;

    public override IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["EstablishmentName"], GiasGroupColumns.UidNames, GiasGroupColumns.NameNames, GiasGroupColumns.TypeNames, JoinedNames];

    protected override async Task<(IRowParser<GroupLinkRow>, IBatchWriter<GroupLinkRow>)> OpenAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows;
        var (establishmentColumns, groupColumns) = (new GiasEstablishmentColumns(rows), new GiasGroupColumns(rows));
        var (joinedColumn, leftColumn) = (rows.Find(JoinedNames), rows.Find(LeftNames));
        var parser = new RowParser<GroupLinkRow>(row => Read(row, establishmentColumns, groupColumns, joinedColumn, leftColumn),
            link => (link.Establishment.Urn, link.Group.Uid, link.Joined),
            link => $"URN {link.Establishment.Urn} in group {link.Group.Uid} joined {link.Joined?.ToString("dd/MM/yyyy") ?? "(no date)"}");
        // A history file (with left dates) lists past memberships too; a current links file closes those it no longer lists.
        return (parser, await GroupLinksWriter.LoadAsync(context, establishmentColumns, closeUnlisted: leftColumn is null, cancellationToken));
    }

    private static ParsedRow<GroupLinkRow> Read(CsvRows rows, GiasEstablishmentColumns establishmentColumns, GiasGroupColumns groupColumns, int? joinedColumn, int? leftColumn)
    {
        var (establishment, error) = GiasEstablishmentRow.Read(rows, establishmentColumns);
        var (group, ignored, groupError) = GiasGroup.Read(rows, groupColumns);
        var (joined, left, dateError) = Dates(rows, joinedColumn, leftColumn);
        if (ignored is not null && error is null) return ParsedRow<GroupLinkRow>.Ignore(ignored);
        if (establishment is null || group is null || dateError is not null) return ParsedRow<GroupLinkRow>.Rejected(error ?? groupError ?? dateError!);
        return new GroupLinkRow(establishment.Establishment, group, joined, left);
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
