using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-links</c> dataset: <c>links_edubasealldata&lt;YYYYMMDD&gt;.csv</c>, one row per establishment link as
/// GIAS publishes it (each link usually from both ends). Links are upserted by (URN, LinkURN, LinkType), never deleted.
/// </summary>
internal sealed class GiasLinksImporter : RowDataset<EstablishmentLink>
{
    public const string Name = "gias-links";

    public override string Dataset => Name;

    public override IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["LinkURN"], ["LinkName"], ["LinkType"]];

    protected override async Task<(IRowParser<EstablishmentLink>, IBatchWriter<EstablishmentLink>)> OpenAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows;
        var (urn, linkedUrn, linkedName, linkType, established) =
            (rows.Find("URN"), rows.Find("LinkURN"), rows.Find("LinkName"), rows.Find("LinkType"), rows.Find("LinkEstablishedDate"));
        var parser = new RowParser<EstablishmentLink>(
            row => ParsedRow<EstablishmentLink>.From(Read(row.Get(urn), row.Get(linkedUrn), row.Get(linkedName), row.Get(linkType), row.Get(established))),
            link => (link.Urn, link.LinkedUrn, link.LinkType),
            link => $"the link {link.Urn} → {link.LinkedUrn} '{link.LinkType}'");
        return (parser, await LinkWriter.LoadAsync(context.Connection, context.Transaction, context.RunId, cancellationToken));
    }

    /// <summary>Reads one row's values into a link, or returns the reason it cannot be read.</summary>
    private static (EstablishmentLink? Link, string? Error) Read(string urnText, string linkedUrnText, string name, string type, string dateText)
    {
        if (!int.TryParse(urnText, out var urn) || urn <= 0) return (null, $"URN '{urnText}' is not a positive whole number");
        if (!int.TryParse(linkedUrnText, out var linkedUrn) || linkedUrn <= 0) return (null, $"LinkURN '{linkedUrnText}' is not a positive whole number");
        if (type.Length == 0) return (null, "LinkType is empty");
        if (name.Length == 0) return (null, "LinkName is empty");
        if (!GiasValues.TryDate(dateText, out var date)) return (null, $"LinkEstablishedDate '{dateText}' is not a dd-mm-yyyy date");
        return (new EstablishmentLink { Urn = urn, LinkedUrn = linkedUrn, LinkedName = name, LinkType = type, EstablishedDate = date }, null);
    }
}
