using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>Batched loads on the establishment side: by URN, active memberships, links, lineage and membership history.</summary>
public static class EstablishmentLoaders
{
    public static IDataLoaderResult<Establishment?> ByUrn(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Establishment?>("EstablishmentByUrn",
            async (urns, ct) => await db.Establishments.AsNoTracking().Where(e => EF.Parameter(urns).Contains(e.Urn)).ToDictionaryAsync(e => e.Urn, e => (Establishment?)e, ct),
            null).Load(urn);
    }

    /// <summary>
    /// The establishment's active memberships, with their partnerships, read as much as <paramref name="read"/> says:
    /// from today's <see cref="ActiveMembershipIndex"/> where it holds enough, else from the store.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<Membership>> Memberships(IResolveFieldContext context, int urn, MembershipRead read) =>
        context.Loaders().Get<int, IReadOnlyList<Membership>, MembershipsOfEstablishments>(
            new MembershipsOfEstablishments(context.RequestServices!, context.AsOf(), context.Kinds(), read), MembershipsAsync, []).Load(urn);

    private static async Task<IDictionary<int, IReadOnlyList<Membership>>> MembershipsAsync(MembershipsOfEstablishments load, IReadOnlyCollection<int> urns, CancellationToken ct)
    {
        var (services, asOf, kinds, read) = load;
        return await services.GetRequiredService<ActiveMembershipIndexes>().ForAsync(asOf, read, ct) is { } index
            ? index.Of(urns, kinds)
            : await MembershipQueries.OfEstablishmentsAsync(services.Db(), urns, asOf, kinds, read, ct);
    }

    /// <summary>
    /// What a batch of establishments' memberships is read for, and the loader's key: equal when the date, the kinds (as
    /// a set) and the read are.
    /// </summary>
    private sealed record MembershipsOfEstablishments(IServiceProvider Services, DateOnly AsOf, PartnershipKind[]? Kinds, MembershipRead Read)
    {
        public bool Equals(MembershipsOfEstablishments? other) =>
            other is not null && AsOf == other.AsOf && Read == other.Read && Kinds.KindsKey() == other.Kinds.KindsKey();

        public override int GetHashCode() => HashCode.Combine(AsOf, Read, Kinds?.Length);
    }

    public static IDataLoaderResult<IReadOnlyList<DirectedLink>> Links(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<DirectedLink>>("LinksByEstablishment",
            (urns, ct) => LineageQueries.LinksOfAsync(db, urns, ct), []).Load(urn);
    }

    public static IDataLoaderResult<IReadOnlyList<LineageEntry>> Lineage(IResolveFieldContext context, int urn, int depth)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<LineageEntry>>($"LineageByEstablishment:{depth}",
            (urns, ct) => LineageQueries.LineageOfAsync(db, urns, depth, successors: true, ct), []).Load(urn);
    }

    public static IDataLoaderResult<IReadOnlyList<HistoricMembership>> MembershipHistory(IResolveFieldContext context, int urn, int depth)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<HistoricMembership>>($"MembershipHistoryByEstablishment:{depth}",
            (urns, ct) => LineageQueries.MembershipHistoryAsync(db, urns, depth, ct), []).Load(urn);
    }

    /// <summary>The <c>maxDepth</c> argument, checked.</summary>
    public static int Depth(IResolveFieldContext context)
    {
        var depth = context.GetArgument("maxDepth", LineageQueries.DefaultDepth);
        if (depth is < 0 or > LineageQueries.MaxDepth)
        {
            throw AtlasErrors.Coded($"maxDepth must be between 0 and {LineageQueries.MaxDepth}.", "LINEAGE_DEPTH_OUT_OF_RANGE",
                new Dictionary<string, object?> { ["maxDepth"] = depth, ["coordinate"] = $"{context.ParentType.Name}.{context.FieldDefinition.Name}" });
        }
        return depth;
    }
}
