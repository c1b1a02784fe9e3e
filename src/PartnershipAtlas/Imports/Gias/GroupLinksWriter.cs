using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>One row of a group links file: a school, its group and the dates it joined and left.</summary>
internal sealed record GroupLinkRow(Establishment Establishment, GiasGroup Group, DateOnly? Joined, DateOnly? Left);

/// <summary>
/// Writes a group links file: adds the schools and groups the store does not know yet, records each dated membership
/// (adopting an open one the establishments extract recorded), and, for a file of current links, closes the
/// memberships it no longer lists (left = the extract date).
/// </summary>
internal sealed class GroupLinksWriter(ImportContext context, EstablishmentWriter establishments, PartnershipWriter partnerships, MembershipWriter memberships, bool closeUnlisted)
    : IBatchWriter<GroupLinkRow>
{
    private readonly Dictionary<int, int> partnershipOfGroup = [];

    public static async Task<GroupLinksWriter> LoadAsync(ImportContext context, GiasEstablishmentColumns columns, bool closeUnlisted, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (context.Connection, context.Transaction);
        return new GroupLinksWriter(context,
            await EstablishmentWriter.LoadAsync(connection, transaction, columns, cancellationToken),
            await PartnershipWriter.LoadAsync(connection, transaction, cancellationToken),
            await MembershipWriter.LoadAsync(connection, transaction, GiasGroupLinksImporter.Name, context.RunId, cancellationToken),
            closeUnlisted);
    }

    public async Task WriteAsync(GroupLinkRow link, RowCounts counts, CancellationToken cancellationToken)
    {
        await establishments.AddIfNewAsync(link.Establishment, cancellationToken);
        if (!partnershipOfGroup.TryGetValue(link.Group.Uid, out var partnershipId))
        {
            partnershipOfGroup[link.Group.Uid] = partnershipId = await partnerships.WriteGroupAsync(link.Group, mayAdopt: true, counts: null, cancellationToken);
        }
        await memberships.RecordAsync(link.Establishment.Urn, partnershipId, link.Joined, link.Left, counts, cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (closeUnlisted) await memberships.CloseUnseenAsync(context.ExtractDate, cancellationToken);
        await establishments.FlushAsync(cancellationToken);
        await memberships.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        establishments.Dispose();
        partnerships.Dispose();
        memberships.Dispose();
    }
}
