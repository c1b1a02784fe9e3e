using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-links</c> dataset: <c>links_edubasealldata&lt;YYYYMMDD&gt;.csv</c>, one row per establishment link as
/// GIAS publishes it (each link usually from both ends). Links are upserted by (URN, LinkURN, LinkType), never deleted.
/// </summary>
public sealed class GiasLinksImporter : IDatasetImporter
{
    public const string Name = "gias-links";

    public string Dataset => Name;

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["URN"], ["LinkURN"], ["LinkName"], ["LinkType"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows;
        var (urn, linkedUrn, linkedName, linkType, established) =
            (rows.Find("URN"), rows.Find("LinkURN"), rows.Find("LinkName"), rows.Find("LinkType"), rows.Find("LinkEstablishedDate"));
        using var links = await LinkWriter.LoadAsync(context.Connection, context.Transaction, context.RunId, cancellationToken);
        var firstLineOf = new Dictionary<(int, int, string), int>();

        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var (link, error) = Read(rows.Get(urn), rows.Get(linkedUrn), rows.Get(linkedName), rows.Get(linkType), rows.Get(established));
            if (link is null)
            {
                context.Rejections.Reject(rows.Line, error!);
                continue;
            }
            if (!firstLineOf.TryAdd((link.Urn, link.LinkedUrn, link.LinkType), rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"the link {link.Urn} → {link.LinkedUrn} '{link.LinkType}' appears again (first on line {firstLineOf[(link.Urn, link.LinkedUrn, link.LinkType)]})");
                continue;
            }
            await links.WriteAsync(link, context.Counts, cancellationToken);
        }
        await links.FlushAsync(cancellationToken);
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
