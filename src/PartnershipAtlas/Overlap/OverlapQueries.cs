using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>
/// Root fields for overlap analytics: schools in several networks, pairs of networks sharing schools, the kind-by-kind
/// matrix and changes between dates. All count memberships active on <c>asOf</c> and only schools in the area and phase.
/// </summary>
public static class OverlapQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<MultiNetworkEstablishmentsConnectionGraphType>("multiNetworkEstablishments")
            .Description("Schools that belong to at least minNetworks networks of the kinds on the date, in URN order.")
            .KindsArgument("kinds", "Count only networks of these kinds (default every kind).")
            .MinimumArgument("minNetworks", 2, "The fewest networks a school must be in.")
            .AsOfArgument()
            .AreaArguments()
            .NestedArgument()
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var (kinds, minNetworks) = (c.KindSet("kinds"), c.Minimum("minNetworks", 1));
                var view = await c.OverlapViewAsync(c.AsOf());
                var mask = kinds.Mask(view.Snapshot);
                var page = InMemoryKeyset.Page(view.MultiNetwork(kinds, minNetworks), x => view.Snapshot.Urns[x.School], PageRequest.From(c));
                var schools = page.Items.Select(x => new MultiNetworkEstablishment(view.Snapshot.Urns[x.School],
                    view.NetworksOf(x.School, mask).Select(n => view.Snapshot.NetworkIds[n]).ToList())).ToList();
                return new Page<MultiNetworkEstablishment>(schools, x => InMemoryKeyset.CursorOf(x.Urn), page.HasNextPage, page.HasPreviousPage, page.TotalCount);
            });

        query.Field<OverlapsConnectionGraphType>("overlaps")
            .Description("Pairs of networks sharing at least minShared schools on the date: one of kinds with one of otherKinds, each pair once.")
            .KindsArgument("kinds", "The first network's kinds (default every kind).")
            .KindsArgument("otherKinds", "The second network's kinds (default: the same as kinds).")
            .MinimumArgument("minShared", 1, "The fewest shared schools a pair must have.")
            .AsOfArgument()
            .Argument<OverlapOrderGraphType>("order", "The order of the pairs (default SHARED_COUNT).", a => a.DefaultValue = OverlapOrder.SharedCount)
            .AreaArguments()
            .NestedArgument()
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var (kinds, otherKinds) = c.KindSets();
                var (minShared, order) = (c.Minimum("minShared", 1), c.GetArgument<OverlapOrder>("order"));
                var view = await c.OverlapViewAsync(c.AsOf());
                return PartnershipOverlap.Page(c, view, AtLeast(view.Ranked(kinds, otherKinds, order), minShared), order);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindOverlapGraphType>>>>("overlapMatrix")
            .Description("For each ordered pair of kinds: schools in networks of both, and how many networks of the other kind each network of the kind touches.")
            .KindsArgument("kinds", "Only these kinds (default every kind).")
            .AsOfArgument()
            .AreaArguments()
            .NestedArgument()
            .ResolveAsync(async c => OverlapMatrix.Compute(await c.OverlapViewAsync(c.AsOf()), c.KindSet("kinds")));

        query.Field<NonNullGraphType<OverlapChangesGraphType>>("overlapChanges")
            .Description("Pairs of networks that appeared, disappeared or changed their shared count between two dates, and schools that entered or left multi-network membership.")
            .Argument<NonNullGraphType<DateScalar>>("from", "The earlier date.")
            .Argument<NonNullGraphType<DateScalar>>("to", "The later date.")
            .KindsArgument("kinds", "The first network's kinds, and the kinds counted for multi-network membership (default every kind).")
            .KindsArgument("otherKinds", "The second network's kinds (default: the same as kinds).")
            .MinimumArgument("minNetworks", 2, "How many networks make a school multi-network.")
            .AreaArguments()
            .NestedArgument()
            .ResolveAsync(async c =>
            {
                var (kinds, otherKinds) = c.KindSets();
                var minNetworks = c.Minimum("minNetworks", 1);
                var before = await c.OverlapViewAsync(c.GetArgument<DateOnly>("from"));
                var after = await c.OverlapViewAsync(c.GetArgument<DateOnly>("to"));
                return OverlapChangeSet.Compute(before, after, kinds, otherKinds, minNetworks);
            });
    }

    /// <summary>Adds <c>overlappingPartnerships</c> to the partnership type: the networks sharing its schools, ranked.</summary>
    public static void AddTo(ObjectGraphType<Partnership> partnership) => partnership.Field<OverlappingPartnershipsConnectionGraphType>("overlappingPartnerships")
        .Description("The networks sharing at least minShared of this network's schools on the date; in each pair, a is this network.")
        .KindsArgument("kinds", "Only networks of these kinds (default every kind).")
        .MinimumArgument("minShared", 1, "The fewest shared schools.")
        .AsOfArgument()
        .Argument<OverlapOrderGraphType>("order", "The order of the pairs (default SHARED_COUNT).", a => a.DefaultValue = OverlapOrder.SharedCount)
        .AreaArguments()
        .NestedArgument()
        .PagingArguments()
        .ResolveAsync(async c =>
        {
            var (minShared, order) = (c.Minimum("minShared", 1), c.GetArgument<OverlapOrder>("order"));
            var view = await c.OverlapViewAsync(c.AsOf());
            var network = view.Snapshot.IndexOfNetwork(c.Source.Id);
            var pairs = network < 0 ? [] : AtLeast(view.PairsOf(network, c.KindSet("kinds"), order), minShared);
            return PartnershipOverlap.Page(c, view, pairs, order);
        });

    private static OverlapPair[] AtLeast(OverlapPair[] pairs, int minShared) => minShared <= 1 ? pairs : pairs.Where(p => p.Shared >= minShared).ToArray();
}
