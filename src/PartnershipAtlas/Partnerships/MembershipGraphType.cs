using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Partnerships;

/// <summary>A member's membership of a network.</summary>
public sealed class MembershipGraphType : ObjectGraphType<Membership>
{
    public const string TypeName = "Membership";

    public MembershipGraphType()
    {
        Name = TypeName;
        Description = "A member's membership of a network, with its role and dates. The member is an establishment, an organisation that is not a school, or another network.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The membership's global id (endMembership takes it).").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<MembershipRoleGraphType>>("role").Description("The part the member plays in the network.").Resolve(c => BoxedEnums<MembershipRole>.Of(c.Source.Role));
        Field<DateScalar>("joined").Description("When the membership began; null when the source does not say.").Resolve(c => c.Source.Joined);
        Field<DateScalar>("left").Description("When the membership ended; null while it lasts.").Resolve(c => c.Source.Left);
        Field<DateScalar>("activeFrom").Description("The first day the membership counts: the later of joined and the school's open date; null when neither is known.")
            .Resolve(c => WithSchool(c, (m, school) => m.ActiveFrom(school)));
        Field<DateScalar>("activeTo").Description("The first day the membership no longer counts: the earlier of left and the school's close date; null while it lasts.")
            .Resolve(c => WithSchool(c, (m, school) => m.ActiveTo(school)));
        Field<NonNullGraphType<ActiveFromSourceGraphType>>("activeFromSource").Description("Where activeFrom comes from: PUBLISHED (joined), OPEN_DATE (the school's open date) or UNKNOWN.")
            .Resolve(c => WithSchool(c, (m, school) => MembershipActivity.FromSource(m.Joined, school?.OpenDate)));
        Field<NonNullGraphType<StringGraphType>>("source")
            .Description("What recorded the membership: a dataset (gias-establishments, partnerships), area-derived (from an area reference list), or api.")
            .Resolve(c => c.Source.Source);
        Field<IdGraphType>("importRunId").Description("The import run that last wrote the membership.").Resolve(c => c.Source.ImportRunId);
        Field<NonNullGraphType<PartnershipGraphType>>("partnership").Description("The network.")
            .Resolve(c => c.Source.Partnership is { } p ? p : PartnershipLoaders.ById(c, c.Source.PartnershipId));
        Field<GraphQLClrOutputTypeReference<Establishment>>("establishment").Description("The member establishment; null when the member is an organisation or a network.")
            .Resolve(c => c.Source.Establishment is { } e ? e : c.Source.EstablishmentUrn is int urn ? EstablishmentLoaders.ByUrn(c, urn) : null);
        Field<OrganisationGraphType>("organisation").Description("The member organisation that is not a school; null when the member is an establishment or a network.")
            .Resolve(c => c.Source.Organisation is { } o ? o : c.Source.OrganisationId is int id ? PartnershipLoaders.OrganisationById(c, id) : null);
        Field<PartnershipGraphType>("memberPartnership").Description("The member network (a trust in an umbrella trust, …); null when the member is an establishment or organisation.")
            .Resolve(c => c.Source.MemberPartnership is { } p ? p : c.Source.MemberPartnershipId is int id ? PartnershipLoaders.ById(c, id) : null);
    }

    /// <summary>A value of the membership and its school (null for an organisation), loading the school when it is not loaded.</summary>
    private static object? WithSchool<T>(IResolveFieldContext<Membership> context, Func<Membership, Establishment?, T> value)
    {
        var membership = context.Source;
        if (membership.Establishment is not null || membership.EstablishmentUrn is not int urn) return value(membership, membership.Establishment);
        return new MappedResult<Establishment?, T>(EstablishmentLoaders.ByUrn(context, urn), school => value(membership, school));
    }
}

public sealed class ActiveFromSourceGraphType : EnumerationGraphType<ActiveFromSource>
{
    public ActiveFromSourceGraphType()
    {
        Name = "ActiveFromSource";
        Description = "Where a membership's activeFrom comes from: PUBLISHED, OPEN_DATE or UNKNOWN.";
    }
}

/// <summary>A non-school member of networks.</summary>
public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        Description = "A member of networks that is not a school in GIAS: a university, charity, independent school, funder, research school…";
        Field<NonNullGraphType<IntGraphType>>("organisationId").Description("The organisation's number (addMember takes it).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The organisation's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<OrganisationKindGraphType>>("kind").Description("What sort of organisation it is.").Resolve(c => c.Source.Kind);
    }
}

public sealed class OrganisationKindGraphType : EnumerationGraphType<OrganisationKind>
{
    public OrganisationKindGraphType()
    {
        Name = "OrganisationKind";
        Description = "What sort of organisation a non-school member is.";
    }
}

/// <summary>A review event.</summary>
public sealed class ReviewGraphType : ObjectGraphType<Review>
{
    public ReviewGraphType()
    {
        Name = "Review";
        Description = "A dated self-review, peer review or follow-up support event in a partnership's review cycle.";
        Field<NonNullGraphType<DateScalar>>("date").Description("When it took place.").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<ReviewKindGraphType>>("kind").Description("SELF_REVIEW, PEER_REVIEW or FOLLOW_UP_SUPPORT.").Resolve(c => c.Source.Kind);
        Field<GraphQLClrOutputTypeReference<Establishment>>("reviewer").Description("The reviewing school (for a self-review, the school itself).")
            .Resolve(c => c.Source.ReviewerUrn is int urn ? EstablishmentLoaders.ByUrn(c, urn) : null);
        Field<GraphQLClrOutputTypeReference<Establishment>>("reviewed").Description("The school reviewed or supported.").Resolve(c => EstablishmentLoaders.ByUrn(c, c.Source.ReviewedUrn));
        Field<IntGraphType>("reviewerUrn").Description("The reviewing school's URN.").Resolve(c => c.Source.ReviewerUrn);
        Field<NonNullGraphType<IntGraphType>>("reviewedUrn").Description("The reviewed school's URN.").Resolve(c => c.Source.ReviewedUrn);
        Field<StringGraphType>("focus").Description("What the review looked at.").Resolve(c => c.Source.Focus);
        Field<StringGraphType>("outcome").Description("What it found or agreed.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<StringGraphType>>("source").Description("What recorded it: partnerships (a file) or api.").Resolve(c => c.Source.Source);
    }
}

public sealed class ReviewKindGraphType : EnumerationGraphType<ReviewKind>
{
    public ReviewKindGraphType()
    {
        Name = "ReviewKind";
        Description = "The steps of a peer-review cycle: SELF_REVIEW, PEER_REVIEW, FOLLOW_UP_SUPPORT.";
    }
}
