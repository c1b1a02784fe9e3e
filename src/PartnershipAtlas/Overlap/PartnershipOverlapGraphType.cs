using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>A pair of networks and the schools they share, as one item of a ranked list.</summary>
public sealed class PartnershipOverlap(OverlapView view, OverlapPair pair, OverlapOrder order)
{
    public int AId => view.Snapshot.NetworkIds[pair.A];
    public int BId => view.Snapshot.NetworkIds[pair.B];
    public int SharedCount => pair.Shared;
    public int ASize => view.Sizes[pair.A];
    public int BSize => view.Sizes[pair.B];
    public double Jaccard => (double)pair.Shared / (ASize + BSize - pair.Shared);
    public double OverlapCoefficient => (double)pair.Shared / Math.Min(ASize, BSize);
    public RankKey Rank => view.RankOf(pair, order);

    public IReadOnlyList<int> SharedUrns(int limit) => view.Shared(pair.A, pair.B, limit).Select(s => view.Snapshot.Urns[s]).ToList();

    /// <summary>A page of a ranked pair list, with cursors from each pair's rank.</summary>
    public static Page<PartnershipOverlap> Page(IResolveFieldContext context, OverlapView view, IReadOnlyList<OverlapPair> ranked, OverlapOrder order) =>
        RankedPage.Of(context, ranked, pair => view.RankOf(pair, order), pair => new PartnershipOverlap(view, pair, order), overlap => overlap.Rank);
}

/// <summary>Pages of ranked lists: located by <see cref="RankKey"/> cursors.</summary>
public static class RankedPage
{
    public static Page<TOut> Of<TIn, TOut>(IResolveFieldContext context, IReadOnlyList<TIn> ranked, Func<TIn, RankKey> rankOf, Func<TIn, TOut> map, Func<TOut, RankKey> rankOfOut)
    {
        var (size, backward) = PageSize.From(context);
        var after = RankCursor.Decode(context.GetArgument<string?>("after"));
        var before = RankCursor.Decode(context.GetArgument<string?>("before"));
        var (items, hasNext, hasPrevious) = SortedSlice.Take(ranked,
            after is { } a ? item => rankOf(item).CompareTo(a) : null,
            before is { } b ? item => rankOf(item).CompareTo(b) : null,
            size, backward);
        return new Page<TOut>(items.Select(map).ToList(), item => rankOfOut(item).ToCursor(), hasNext, hasPrevious, ranked.Count);
    }
}

/// <summary>Two networks that share schools.</summary>
public sealed class PartnershipOverlapGraphType : ObjectGraphType<PartnershipOverlap>
{
    public PartnershipOverlapGraphType()
    {
        Name = "PartnershipOverlap";
        Description = "Two networks that share schools on the date, inside the area and phase asked for, with measures of how much they overlap.";
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>("a").Description("The first network (from one network's point of view: that network).")
            .Resolve(c => PartnershipLoaders.ById(c, c.Source.AId));
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>("b").Description("The second network.").Resolve(c => PartnershipLoaders.ById(c, c.Source.BId));
        Field<NonNullGraphType<IntGraphType>>("sharedCount").Description("How many schools are members of both.").Resolve(c => c.Source.SharedCount);
        Field<NonNullGraphType<IntGraphType>>("aMemberCount").Description("How many schools are members of a (inside the area and phase).").Resolve(c => c.Source.ASize);
        Field<NonNullGraphType<IntGraphType>>("bMemberCount").Description("How many schools are members of b (inside the area and phase).").Resolve(c => c.Source.BSize);
        Field<NonNullGraphType<FloatGraphType>>("jaccard").Description("Shared schools divided by the schools in either: |a ∩ b| / |a ∪ b|.").Resolve(c => c.Source.Jaccard);
        Field<NonNullGraphType<FloatGraphType>>("overlapCoefficient").Description("Shared schools divided by the size of the smaller network: |a ∩ b| / min(|a|, |b|).")
            .Resolve(c => c.Source.OverlapCoefficient);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Establishment>>>>>("shared")
            .Description("The shared schools, in URN order.")
            .Argument<IntGraphType>("first", $"How many (default {PageRequest.DefaultSize}, at most {PageRequest.MaxSize}).")
            .Resolve(c => c.Source.SharedUrns(PageSize.From(c).Size).Select(urn => EstablishmentLoaders.ByUrn(c, urn)).ToList());
    }
}

/// <summary>How a list of pairs is ordered.</summary>
public sealed class OverlapOrderGraphType : EnumerationGraphType<OverlapOrder>
{
    public OverlapOrderGraphType()
    {
        Name = "OverlapOrder";
        Description = "How pairs of networks are ordered: largest first, ties broken by the partnership ids (a, then b), ascending.";
        foreach (var value in Values)
        {
            value.Description = (OverlapOrder)value.Value! switch
            {
                OverlapOrder.Jaccard => "By Jaccard similarity, largest first.",
                OverlapOrder.OverlapCoefficient => "By overlap coefficient, largest first.",
                _ => "By the number of shared schools, largest first.",
            };
        }
    }
}

/// <summary>Pairs of networks, ranked.</summary>
public sealed class OverlapsConnectionGraphType() : ConnectionGraphType<PartnershipOverlapGraphType, PartnershipOverlap>("Overlaps");

/// <summary>One network's overlapping networks, ranked.</summary>
public sealed class OverlappingPartnershipsConnectionGraphType() : ConnectionGraphType<PartnershipOverlapGraphType, PartnershipOverlap>("OverlappingPartnerships");
