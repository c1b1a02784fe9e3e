using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>One membership in an establishment's history, possibly of one of its predecessors.</summary>
public sealed class MembershipHistoryEntryGraphType : ObjectGraphType<HistoricMembership>
{
    public MembershipHistoryEntryGraphType()
    {
        Name = "MembershipHistoryEntry";
        Description = "A membership of the establishment or of one of its predecessors, with the network's kind, the role and the dates.";
        Field<NonNullGraphType<IntGraphType>>("urn").Description("The URN the membership belonged to: the establishment's own, or a predecessor's.").Resolve(c => c.Source.Membership.EstablishmentUrn);
        Field<NonNullGraphType<IntGraphType>>("generation").Description("0 for the establishment itself, -1 for a predecessor, -2 for a predecessor's predecessor, ….").Resolve(c => c.Source.Generation);
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<PartnershipKind>>>("kind").Description("The kind of network.").Resolve(c => c.Source.Membership.Partnership!.Kind);
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<MembershipRole>>>("role").Description("The part the member played in the network.").Resolve(c => c.Source.Membership.Role);
        Field<DateScalar>("joined").Description("When the membership began; null when the source does not say.").Resolve(c => c.Source.Membership.Joined);
        Field<DateScalar>("left").Description("When the membership ended; null while it lasts.").Resolve(c => c.Source.Membership.Left);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The dataset that recorded the membership.").Resolve(c => c.Source.Membership.Source);
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>("partnership").Description("The network.").Resolve(c => c.Source.Membership.Partnership);
    }
}
