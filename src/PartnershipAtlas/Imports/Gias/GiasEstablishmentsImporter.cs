using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Imports.Reference;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-establishments</c> dataset: the national <c>edubasealldata</c> extract and the GIAS search export.
/// Each row becomes an establishment and its memberships of trust, sponsor, federation, diocese, LA and region; an
/// establishment's LA and district decide its area memberships, derived again after each file.
/// </summary>
internal sealed class GiasEstablishmentsImporter(AreaMemberships areaMemberships) : RowDataset<GiasEstablishmentRow>
{
    public const string Name = MembershipSources.GiasEstablishments;

    public override string Dataset => Name;

    public override IReadOnlyList<string[]> RequiredColumns => GiasEstablishmentColumns.Required;

    public override string Description => "GIAS establishments (edubasealldata or a search export) -> Establishments, Partnerships, Memberships";

    public override string? PublishedFileName(DateOnly date) => $"edubasealldata{date:yyyyMMdd}.csv";

    public override IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    protected override async Task<(IRowParser<GiasEstablishmentRow>, IBatchWriter<GiasEstablishmentRow>)> OpenAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var columns = new GiasEstablishmentColumns(context.Rows);
        var parser = new RowParser<GiasEstablishmentRow>(rows => ParsedRow<GiasEstablishmentRow>.From(GiasEstablishmentRow.Read(rows, columns)),
            row => row.Establishment.Urn, row => $"URN {row.Establishment.Urn}");
        return (parser, await GiasEstablishmentsWriter.LoadAsync(context, columns, cancellationToken));
    }
}
