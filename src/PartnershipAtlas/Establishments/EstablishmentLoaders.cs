using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>Batched loads on the establishment side: by URN, active memberships, links, lineage and membership history.</summary>
public static class EstablishmentLoaders
{
    /// <summary>The establishment with this URN: from the held rows when they are read (<see cref="HeldEstablishments.Find"/>), else batched from the store.</summary>
    public static IDataLoaderResult<Establishment?> ByUrn(IResolveFieldContext context, int urn) => HeldEstablishments.Find(context, urn, FromStoreByUrn);

    private static IDataLoaderResult<Establishment?> FromStoreByUrn(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        return context.Loaders().Get<int, Establishment?>("EstablishmentByUrn",
            async (urns, ct) => await db.Establishments.AsNoTracking().Where(e => EF.Parameter(urns).Contains(e.Urn)).ToDictionaryAsync(e => e.Urn, e => (Establishment?)e, ct),
            null).Load(urn);
    }

    /// <summary>
    /// The establishment's active memberships on the field's date, with their partnerships, read as much as
    /// <paramref name="read"/> says: at once from today's <see cref="ActiveMembershipIndex"/> where it holds enough and
    /// is current, else batched from the store.
    /// </summary>
    public static ValueTask<object?> Memberships(IResolveFieldContext context, int urn, MembershipRead read) => Resolve(context, urn, read, networks: false);

    /// <summary>The networks the establishment belongs to on the field's date (its memberships' partnerships, once each), read as <see cref="Memberships"/> reads.</summary>
    public static ValueTask<object?> Networks(IResolveFieldContext context, int urn, MembershipRead read) => Resolve(context, urn, read, networks: true);

    /// <summary>
    /// Where the index answers, a field costs no loader, task or statement: the request reads the store's data stamp
    /// once, on the first such field, to know whether the index is current (<see cref="TodaysIndex"/>), and every
    /// later field answers from it at once. A value, not a loader's result, so GraphQL.NET completes the field as it
    /// resolves it.
    /// </summary>
    private static ValueTask<object?> Resolve(IResolveFieldContext context, int urn, MembershipRead read, bool networks)
    {
        var field = new MembershipField(context, urn, context.AsOf(), context.Kinds(), read, networks);
        if (ActiveMembershipIndexes.Holds(read))
        {
            var today = context.Loaders().Kept(TodaysIndex.Key, context, TodaysIndex.Start);
            if (today.AsOf == field.AsOf)
            {
                return today.Index.IsCompletedSuccessfully ? new(field.Answer(today.Index.Result)) : AnswerAsync(field, today.Index);
            }
        }
        return new(field.FromStore());
    }

    private static async ValueTask<object?> AnswerAsync(MembershipField field, Task<ActiveMembershipIndex?> index) => field.Answer(await index);

    /// <summary>One establishment's <c>memberships</c> or (<paramref name="Networks"/>) <c>partnerships</c> field, as asked.</summary>
    private readonly record struct MembershipField(IResolveFieldContext Context, int Urn, DateOnly AsOf, PartnershipKind[]? Kinds, MembershipRead Read, bool Networks)
    {
        /// <summary>From the index when the request found one, else from the store.</summary>
        public object Answer(ActiveMembershipIndex? index) =>
            index is null ? FromStore()
            : Networks ? index.NetworksOf(Urn, Kinds)
            : index.Of(Urn, Kinds);

        /// <summary>A loader's result: the establishments of the request's level are read together when the first is needed.</summary>
        public object FromStore()
        {
            var memberships = Context.Loaders().Get<int, IReadOnlyList<Membership>, MembershipsOfEstablishments>(
                new MembershipsOfEstablishments(Context.RequestServices!, AsOf, Kinds, Read), MembershipsAsync, []).Load(Urn);
            return Networks ? new MappedResult<IReadOnlyList<Membership>, IReadOnlyList<Partnership>>(memberships, MembershipNetworks.DistinctOf) : memberships;
        }
    }

    private static async Task<IDictionary<int, IReadOnlyList<Membership>>> MembershipsAsync(MembershipsOfEstablishments load, IReadOnlyCollection<int> urns, CancellationToken ct) =>
        await MembershipQueries.OfEstablishmentsAsync(load.Services.Db(), urns, load.AsOf, load.Kinds, load.Read, ct);

    /// <summary>
    /// Today's index as the request found it: asked for once per request, on its first field the index could answer,
    /// so the request reads the store's data stamp once and every write committed before it began is seen. Null while
    /// the index of the store as it now is is still being read (the request then reads the store).
    /// </summary>
    private sealed record TodaysIndex(DateOnly AsOf, Task<ActiveMembershipIndex?> Index)
    {
        public static readonly object Key = new();

        public static TodaysIndex Start(IResolveFieldContext context)
        {
            var indexes = context.RequestServices!.GetRequiredService<ActiveMembershipIndexes>();
            var today = indexes.Today;
            return new TodaysIndex(today, AtAsync(indexes, context.DataStampAsync(), today));
        }

        private static async Task<ActiveMembershipIndex?> AtAsync(ActiveMembershipIndexes indexes, Task<long> dataStamp, DateOnly today) => indexes.At(await dataStamp, today);
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
