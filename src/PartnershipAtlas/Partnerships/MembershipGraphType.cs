using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Partnerships;

/// <summary>An establishment's membership of a network.</summary>
public sealed class MembershipGraphType : ObjectGraphType<Membership>
{
    public MembershipGraphType()
    {
        Name = "Membership";
        Description = "An establishment's membership of a network, with its role and dates.";
        Field<NonNullGraphType<MembershipRoleGraphType>>("role").Description("The part the member plays in the network.").Resolve(c => c.Source.Role);
        Field<DateScalar>("joined").Description("When the membership began; null when the source does not say.").Resolve(c => c.Source.Joined);
        Field<DateScalar>("left").Description("When the membership ended; null while it lasts.").Resolve(c => c.Source.Left);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The dataset that recorded the membership (e.g. gias-establishments).").Resolve(c => c.Source.Source);
        Field<IdGraphType>("importRunId").Description("The import run that last wrote the membership.").Resolve(c => c.Source.ImportRunId);
        Field<NonNullGraphType<PartnershipGraphType>>("partnership").Description("The network.")
            .Resolve(c => c.Source.Partnership is { } p ? p : PartnershipLoaders.ById(c, c.Source.PartnershipId));
        Field<NonNullGraphType<EstablishmentGraphType>>("establishment").Description("The member establishment.")
            .Resolve(c => c.Source.Establishment is { } e ? e : EstablishmentLoaders.ByUrn(c, c.Source.EstablishmentUrn));
    }
}
