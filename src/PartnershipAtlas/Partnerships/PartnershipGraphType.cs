using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Attainment;

namespace PartnershipAtlas.Partnerships;

/// <summary>A network of schools.</summary>
public sealed class PartnershipGraphType : ObjectGraphType<Partnership>
{
    public const string TypeName = "Partnership";

    public PartnershipGraphType()
    {
        Name = TypeName;
        Description = "A network of schools: a trust, sponsor, federation, diocese, local authority, region and so on.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Partnership;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The partnership's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<PartnershipKindGraphType>>("kind").Description("The kind of network.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The network's name as its source gives it.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("sourceKey")
            .Description("The key the source knows it by: a GIAS group UID (GIAS_GROUP:uid), an LA code, or kind and normalised name.")
            .Resolve(c => c.Source.SourceKey);
        Field<DateScalar>("openDate").Description("When the network opened, where known.").Resolve(c => c.Source.OpenDate);
        Field<DateScalar>("closeDate").Description("When the network closed, where known.").Resolve(c => c.Source.CloseDate);
        Field<NonNullGraphType<IntGraphType>>("memberCount")
            .Description("How many members the network has on the date (default today).")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(c => PartnershipLoaders.MemberCount(c, c.Source.Id, c.AsOf()));
        Field<MembersConnectionGraphType>("members")
            .Description("The network's members on the date (default today), as a cursor connection in membership order.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .PagingArguments()
            .Resolve(c => PartnershipLoaders.Members(c, c.Source.Id, c.AsOf(), PageRequest.From(c)));
        PartnershipAttainmentGraphType.AddTo(this);
        PartnershipComparisonGraphType.AddTo(this);
    }
}

/// <summary>The members of a network.</summary>
public sealed class MembersConnectionGraphType() : ConnectionGraphType<MembershipGraphType, Membership>("Members");
