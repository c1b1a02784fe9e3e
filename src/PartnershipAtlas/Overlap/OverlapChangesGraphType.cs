using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>What changed in the overlaps between two dates.</summary>
public sealed class OverlapChangesGraphType : ObjectGraphType<OverlapChangeSet>
{
    public OverlapChangesGraphType()
    {
        Name = "OverlapChanges";
        Description = "Pairs of networks that appeared, disappeared or changed their shared count between two dates, and schools that entered or left multi-network membership.";
        Field<NonNullGraphType<DateScalar>>("from").Description("The earlier date.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Description("The later date.").Resolve(c => c.Source.To);
        foreach (var change in Enum.GetValues<PairChange>())
        {
            Field<NonNullGraphType<IntGraphType>>($"pairs{change}").Description($"How many pairs {change.ToString().ToLowerInvariant()}.")
                .Resolve(c => c.Source.Pairs.Count(p => p.Change == change));
        }
        foreach (var change in Enum.GetValues<MembershipChange>())
        {
            Field<NonNullGraphType<IntGraphType>>($"establishments{change}").Description($"How many schools {change.ToString().ToLowerInvariant()} multi-network membership.")
                .Resolve(c => c.Source.Establishments.Count(e => e.Change == change));
        }
        Field<OverlapPairChangesConnectionGraphType>("pairs")
            .Description("The pairs that changed, largest change in shared count first, then by partnership ids.")
            .Argument<PairChangeGraphType>("change", "Only pairs with this change.")
            .PagingArguments()
            .Resolve(c =>
            {
                var change = c.GetArgument<PairChange?>("change");
                var pairs = change is null ? c.Source.Pairs : c.Source.Pairs.Where(p => p.Change == change).ToList();
                return RankedPage.Of(c, pairs, p => p.Rank, p => p, p => p.Rank);
            });
        Field<MultiNetworkChangesConnectionGraphType>("establishments")
            .Description("The schools that entered or left multi-network membership, in URN order.")
            .PagingArguments()
            .Resolve(c => InMemoryKeyset.Page(c.Source.Establishments, e => e.Urn, PageRequest.From(c)));
    }
}

/// <summary>A pair whose shared schools changed.</summary>
public sealed class OverlapPairChangeGraphType : ObjectGraphType<OverlapPairChange>
{
    public OverlapPairChangeGraphType()
    {
        Name = "OverlapPairChange";
        Description = "A pair of networks whose shared schools changed between the two dates.";
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>("a").Description("The first network.").Resolve(c => PartnershipLoaders.ById(c, c.Source.AId));
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>("b").Description("The second network.").Resolve(c => PartnershipLoaders.ById(c, c.Source.BId));
        Field<NonNullGraphType<PairChangeGraphType>>("change").Description("APPEARED, DISAPPEARED or CHANGED.").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<IntGraphType>>("sharedBefore").Description("Shared schools on the earlier date.").Resolve(c => c.Source.SharedBefore);
        Field<NonNullGraphType<IntGraphType>>("sharedAfter").Description("Shared schools on the later date.").Resolve(c => c.Source.SharedAfter);
    }
}

/// <summary>A school entering or leaving multi-network membership.</summary>
public sealed class MultiNetworkChangeGraphType : ObjectGraphType<MultiNetworkChange>
{
    public MultiNetworkChangeGraphType()
    {
        Name = "MultiNetworkChange";
        Description = "A school that entered or left membership of at least minNetworks networks between the two dates.";
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Establishment>>>("establishment").Description("The school.").Resolve(c => EstablishmentLoaders.ByUrn(c, c.Source.Urn));
        Field<NonNullGraphType<MembershipChangeGraphType>>("change").Description("ENTERED or LEFT.").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<IntGraphType>>("networksBefore").Description("Its networks (of the kinds asked for) on the earlier date.").Resolve(c => c.Source.NetworksBefore);
        Field<NonNullGraphType<IntGraphType>>("networksAfter").Description("Its networks (of the kinds asked for) on the later date.").Resolve(c => c.Source.NetworksAfter);
    }
}

/// <summary>How a pair changed.</summary>
public sealed class PairChangeGraphType : EnumerationGraphType<PairChange>
{
    public PairChangeGraphType()
    {
        Name = "PairChange";
        Description = "APPEARED (no shared school before), DISAPPEARED (none after) or CHANGED (a different number).";
    }
}

/// <summary>How a school's multi-network membership changed.</summary>
public sealed class MembershipChangeGraphType : EnumerationGraphType<MembershipChange>
{
    public MembershipChangeGraphType()
    {
        Name = "MultiNetworkMembershipChange";
        Description = "ENTERED (in enough networks only on the later date) or LEFT (only on the earlier date).";
    }
}

/// <summary>Changed pairs, ranked by the size of the change.</summary>
public sealed class OverlapPairChangesConnectionGraphType() : ConnectionGraphType<OverlapPairChangeGraphType, OverlapPairChange>("OverlapPairChanges");

/// <summary>Schools entering or leaving multi-network membership.</summary>
public sealed class MultiNetworkChangesConnectionGraphType() : ConnectionGraphType<MultiNetworkChangeGraphType, MultiNetworkChange>("MultiNetworkChanges");
