using GraphQL.Types;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>A school and the networks (of the kinds asked for) it belongs to.</summary>
public sealed record MultiNetworkEstablishment(int Urn, IReadOnlyList<int> PartnershipIds);

/// <summary>A school in several networks at once.</summary>
public sealed class MultiNetworkEstablishmentGraphType : ObjectGraphType<MultiNetworkEstablishment>
{
    public MultiNetworkEstablishmentGraphType()
    {
        Name = "MultiNetworkEstablishment";
        Description = "A school that belongs to several networks (of the kinds asked for) on the date.";
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Establishment>>>("establishment").Description("The school.").Resolve(c => EstablishmentLoaders.ByUrn(c, c.Source.Urn));
        Field<NonNullGraphType<IntGraphType>>("networkCount").Description("How many networks of the kinds asked for it belongs to.").Resolve(c => c.Source.PartnershipIds.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>>>("networks")
            .Description("The networks, in id order.")
            .Resolve(c => c.Source.PartnershipIds.Select(id => PartnershipLoaders.ById(c, id)).ToList());
    }
}

/// <summary>Schools in several networks, in URN order.</summary>
public sealed class MultiNetworkEstablishmentsConnectionGraphType() : ConnectionGraphType<MultiNetworkEstablishmentGraphType, MultiNetworkEstablishment>("MultiNetworkEstablishments");

/// <summary>One cell of the kind-by-kind overlap matrix.</summary>
public sealed class KindOverlapGraphType : ObjectGraphType<KindOverlap>
{
    public KindOverlapGraphType()
    {
        Name = "KindOverlap";
        Description = "How networks of one kind overlap networks of another kind (or, on the diagonal, of the same kind) on the date.";
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<PartnershipKind>>>("kind").Description("The kind whose networks are counted.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<PartnershipKind>>>("otherKind").Description("The kind they are compared with.").Resolve(c => c.Source.OtherKind);
        Field<NonNullGraphType<IntGraphType>>("sharedSchools")
            .Description("Schools in a network of kind and in a network of otherKind (when they are the same kind: in two networks of it).")
            .Resolve(c => c.Source.SharedSchools);
        Field<NonNullGraphType<IntGraphType>>("networks").Description("Networks of kind with members (in the area and phase).").Resolve(c => c.Source.Networks);
        Field<NonNullGraphType<IntGraphType>>("touchingNetworks").Description("Networks of kind sharing a school with at least one network of otherKind.")
            .Resolve(c => c.Source.TouchingNetworks);
        Field<NonNullGraphType<FloatGraphType>>("meanTouched")
            .Description("How many networks of otherKind a network of kind shares schools with, on average over all networks of kind (e.g. dioceses a trust's schools span).")
            .Resolve(c => c.Source.MeanTouched);
        Field<NonNullGraphType<IntGraphType>>("maxTouched").Description("The most networks of otherKind any one network of kind shares schools with.").Resolve(c => c.Source.MaxTouched);
    }
}
