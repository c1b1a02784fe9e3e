using GraphQL.Types;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Establishments;

/// <summary>A GIAS link from one establishment to another.</summary>
public sealed class EstablishmentLinkGraphType : ObjectGraphType<DirectedLink>
{
    public EstablishmentLinkGraphType()
    {
        Name = "EstablishmentLink";
        Description = "A link GIAS records between two establishments: predecessor or successor (academy conversion, merger, amalgamation, split), merger, sixth-form centre, other.";
        Field<NonNullGraphType<StringGraphType>>("type")
            .Description("The link type as GIAS publishes it, e.g. `Predecessor`, `Successor - amalgamated`, `Sixth Form Centre Link`; it names what the linked establishment is to this one.")
            .Resolve(c => c.Source.LinkType);
        Field<NonNullGraphType<EstablishmentLinkDirectionGraphType>>("direction").Description("What the linked establishment is to this one, from the type.").Resolve(c => c.Source.Direction);
        Field<DateScalar>("establishedDate").Description("When the link took effect (GIAS `LinkEstablishedDate`); null where GIAS gives none.").Resolve(c => c.Source.EstablishedDate);
        Field<NonNullGraphType<IntGraphType>>("linkedUrn").Description("The linked establishment's URN.").Resolve(c => c.Source.LinkedUrn);
        Field<StringGraphType>("linkedName")
            .Description("The linked establishment's name as the links file gives it (or, for a link published only from the other end, its name in the store).")
            .Resolve(c => c.Source.LinkedName);
        Field<NonNullGraphType<BooleanGraphType>>("asPublished")
            .Description("True when GIAS lists the link from this establishment's end; false when only from the other end, the type then being mirrored (Successor ↔ Predecessor).")
            .Resolve(c => c.Source.AsPublished);
        Field<EstablishmentGraphType>("establishment").Description("The linked establishment, when the store has it.").Resolve(c => EstablishmentLoaders.ByUrn(c, c.Source.LinkedUrn));
    }
}

/// <summary>What a link says the linked establishment is.</summary>
public sealed class EstablishmentLinkDirectionGraphType : DescribedEnumGraphType<LinkDirection>
{
    public EstablishmentLinkDirectionGraphType()
    {
        Name = "EstablishmentLinkDirection";
        Description = "What a GIAS link says the linked establishment is to this one.";
        Describe(LinkDirection.Predecessor, "It came before this one: Predecessor, Predecessor - merged, Predecessor - amalgamated, Predecessor - Split School.");
        Describe(LinkDirection.Successor, "It came after this one: Successor, Successor - merged, Successor - amalgamated, Successor - Split School.");
        Describe(LinkDirection.Merger, "A merger or amalgamation whose type gives no before and after: Result of Amalgamation, Merged - change in age range, Merged - expansion of school capacity, Merged - expansion in school capacity and changer in age range.");
        Describe(LinkDirection.SixthFormCentre, "A sixth-form centre and a school sharing it: Sixth Form Centre Link, Sixth Form Centre School.");
        Describe(LinkDirection.Other, "Closure, Expansion, Other.");
    }
}

/// <summary>An establishment in another's lineage.</summary>
public sealed class LineageEntryGraphType : ObjectGraphType<LineageEntry>
{
    public LineageEntryGraphType()
    {
        Name = "LineageEntry";
        Description = "An establishment in another's line of predecessors or successors.";
        Field<NonNullGraphType<IntGraphType>>("urn").Description("Its URN.").Resolve(c => c.Source.Urn);
        Field<StringGraphType>("name").Description("Its name as the links file gives it.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("generation")
            .Description("How far along the line it is: -1 a predecessor, -2 a predecessor's predecessor, …; 1 a successor, 2 a successor's successor, ….")
            .Resolve(c => c.Source.Generation);
        Field<NonNullGraphType<EstablishmentLinkGraphType>>("via").Description("The link that reached it (from the establishment one generation nearer).").Resolve(c => c.Source.Via);
        Field<EstablishmentGraphType>("establishment").Description("The establishment, when the store has it.").Resolve(c => EstablishmentLoaders.ByUrn(c, c.Source.Urn));
    }
}
