using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Querying;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>A school or other establishment from Get Information about Schools.</summary>
public sealed class EstablishmentGraphType : ObjectGraphType<Establishment>
{
    public const string TypeName = "Establishment";

    /// <param name="extensions">The fields other features add (attainment results, characteristics), in registration order.</param>
    public EstablishmentGraphType(IEnumerable<IObjectTypeExtension<Establishment>> extensions)
    {
        Name = TypeName;
        Description = "A school or other establishment, as Get Information about Schools (GIAS) records it.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Establishment;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The establishment's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Urn));
        Field<NonNullGraphType<IntGraphType>>("urn").Description("The Unique Reference Number GIAS gives the establishment.").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The establishment's name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("laCode").Description("The local authority's three-digit code (e.g. 850 Hampshire).").Resolve(c => c.Source.LaCode);
        Field<StringGraphType>("laName").Description("The local authority's name.").Resolve(c => c.Source.LaName);
        Field<IntGraphType>("establishmentNumber").Description("The establishment number within its LA (the DfE number is LA/number).").Resolve(c => c.Source.EstablishmentNumber);
        Field<StringGraphType>("type").Description("The type of establishment (e.g. Academy converter, Community school).").Resolve(c => c.Source.Type);
        Field<StringGraphType>("typeGroup").Description("The type group (e.g. Academies, Local authority maintained schools).").Resolve(c => c.Source.TypeGroup);
        Field<StringGraphType>("phase").Description("The phase of education (e.g. Primary, Secondary).").Resolve(c => c.Source.Phase);
        Field<StringGraphType>("status").Description("Open, Closed, Open but proposed to close, …").Resolve(c => c.Source.Status);
        Field<DateScalar>("openDate").Description("When the establishment opened; null where GIAS does not know (it writes 01-01-1900).").Resolve(c => c.Source.OpenDate);
        Field<DateScalar>("closeDate").Description("When the establishment closed.").Resolve(c => c.Source.CloseDate);
        Field<IntGraphType>("statutoryLowAge").Description("The youngest statutory age of pupils.").Resolve(c => c.Source.StatutoryLowAge);
        Field<IntGraphType>("statutoryHighAge").Description("The oldest statutory age of pupils.").Resolve(c => c.Source.StatutoryHighAge);
        Field<IntGraphType>("numberOfPupils").Description("Pupils on roll at the last census.").Resolve(c => c.Source.NumberOfPupils);
        Field<FloatGraphType>("percentageFsm").Description("Percentage of pupils eligible for free school meals.").Resolve(c => c.Source.PercentageFsm);
        Field<StringGraphType>("postcode").Description("The postcode.").Resolve(c => c.Source.Postcode);
        Field<IntGraphType>("easting").Description("OS grid easting.").Resolve(c => c.Source.Easting);
        Field<IntGraphType>("northing").Description("OS grid northing.").Resolve(c => c.Source.Northing);
        Field<StringGraphType>("region").Description("The government office region (GIAS `GOR`).").Resolve(c => c.Source.Region);
        Field<StringGraphType>("district").Description("The local authority district (GIAS `DistrictAdministrative`).").Resolve(c => c.Source.District);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Membership>>>>>("memberships")
            .Description("The establishment's memberships on the date (default today), with role and dates.")
            .Argument<ListGraphType<NonNullGraphType<GraphQLClrInputTypeReference<PartnershipKind>>>>("kinds", "Only networks of these kinds.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(new FuncFieldResolver<Establishment, object>(c => EstablishmentLoaders.Memberships(c, c.Source.Urn, new MembershipRead(
                SelectedFields.OnlyAmong(c, MembershipNarrowRead.Fields) ? MembershipColumns.RoleAndNetwork : MembershipColumns.Whole,
                SelectedFields.ChildOnlyAmong(c, "partnership", PartnershipNarrowRead.Fields)))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>>>("partnerships")
            .Description("The networks the establishment belongs to on the date (default today).")
            .Argument<ListGraphType<NonNullGraphType<GraphQLClrInputTypeReference<PartnershipKind>>>>("kinds", "Only networks of these kinds.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(new FuncFieldResolver<Establishment, object>(c =>
                EstablishmentLoaders.Networks(c, c.Source.Urn, new MembershipRead(MembershipColumns.Network, SelectedFields.OnlyAmong(c, PartnershipNarrowRead.Fields)))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EstablishmentLinkGraphType>>>>("links")
            .Description("Every GIAS link of the establishment (predecessors, successors, mergers, sixth-form centres, …), from its own rows in the links file and, mirrored, rows published only from the other end; in date order.")
            .Resolve(c => EstablishmentLoaders.Links(c, c.Source.Urn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EstablishmentLinkGraphType>>>>("predecessors")
            .Description("The establishments this one directly replaced (links of direction PREDECESSOR: academy conversion, merger, amalgamation, split).")
            .Resolve(c => new MappedResult<IReadOnlyList<DirectedLink>, IReadOnlyList<DirectedLink>>(EstablishmentLoaders.Links(c, c.Source.Urn), ls => ls.Where(l => l.Direction == LinkDirection.Predecessor).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EstablishmentLinkGraphType>>>>("successors")
            .Description("The establishments that directly replaced this one (links of direction SUCCESSOR).")
            .Resolve(c => new MappedResult<IReadOnlyList<DirectedLink>, IReadOnlyList<DirectedLink>>(EstablishmentLoaders.Links(c, c.Source.Urn), ls => ls.Where(l => l.Direction == LinkDirection.Successor).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LineageEntryGraphType>>>>("lineage")
            .Description("Predecessors followed back and successors followed forward, transitively (not mergers without a direction, nor a predecessor's other successors), each establishment once even across cycles.")
            .Argument<IntGraphType>("maxDepth", $"How many generations to follow each way (default {LineageQueries.DefaultDepth}, at most {LineageQueries.MaxDepth}).")
            .Resolve(c => EstablishmentLoaders.Lineage(c, c.Source.Urn, EstablishmentLoaders.Depth(c)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipHistoryEntryGraphType>>>>("membershipHistory")
            .Description("Every network the establishment and (with followLineage) its predecessors have belonged to, past and present, in date order (joined, then left).")
            .Argument<BooleanGraphType>("followLineage", "Include the memberships of its predecessors, transitively (default true).")
            .Argument<IntGraphType>("maxDepth", $"How many generations of predecessors to follow (default {LineageQueries.DefaultDepth}, at most {LineageQueries.MaxDepth}).")
            .Resolve(c => EstablishmentLoaders.MembershipHistory(c, c.Source.Urn, c.GetArgument("followLineage", true) ? EstablishmentLoaders.Depth(c) : 0));
        this.ApplyExtensions(extensions);
    }
}

/// <summary>Establishments, as a connection.</summary>
public sealed class EstablishmentsConnectionGraphType() : Api.Paging.ConnectionGraphType<EstablishmentGraphType, Establishment>("Establishments");
