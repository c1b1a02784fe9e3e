using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Partnerships;

/// <summary>A network of schools.</summary>
public sealed class PartnershipGraphType : ObjectGraphType<Partnership>
{
    public const string TypeName = "Partnership";

    /// <param name="extensions">The fields other features add (overlap, attainment, characteristics), in registration order.</param>
    public PartnershipGraphType(IEnumerable<IObjectTypeExtension<Partnership>> extensions)
    {
        Name = TypeName;
        Description = "A network of schools: a trust, sponsor, federation, diocese, local authority, region and so on.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Partnership;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The partnership's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<PartnershipKindGraphType>>("kind").Description("The kind of network.").Resolve(c => BoxedEnums<PartnershipKind>.Of(c.Source.Kind));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The network's name as its source gives it.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("sourceKey")
            .Description("The key the source knows it by: a GIAS group UID (GIAS_GROUP:uid), an LA code, or kind and normalised name.")
            .Resolve(c => c.Source.SourceKey);
        Field<StringGraphType>("code").Description("The code a reference list gives it (GIAS diocese code such as CE23, DfE LA code such as 850).").Resolve(c => c.Source.Code);
        Field<FederationTypeGraphType>("federationType").Description("HARD or SOFT, for a federation; null otherwise or when unknown.").Resolve(c => c.Source.FederationType);
        Field<DioceseDenominationGraphType>("denomination").Description("CHURCH_OF_ENGLAND or ROMAN_CATHOLIC, for a diocese; null otherwise or when unknown.").Resolve(c => c.Source.Denomination);
        Field<StringGraphType>("groupId").Description("The GIAS Group ID (e.g. TR00092 for a trust, SP… for a sponsor), where GIAS gives one.").Resolve(c => c.Source.GroupId);
        Field<StringGraphType>("companiesHouseNumber").Description("The trust's or sponsor's Companies House number, where GIAS gives one.").Resolve(c => c.Source.CompaniesHouseNumber);
        Field<StringGraphType>("status").Description("The status GIAS gives the group: Open, Closed or Proposed to open.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("website").Description("The network's website as its source writes it (teaching school hubs: DfE's list).").Resolve(c => c.Source.Website);
        Field<StringGraphType>("contactEmail").Description("The contact e-mail address its source gives (teaching school hubs: DfE's list).").Resolve(c => c.Source.ContactEmail);
        Field<StringGraphType>("contactPhone").Description("The contact telephone number as its source writes it (teaching school hubs: DfE's list).").Resolve(c => c.Source.ContactPhone);
        Field<DateScalar>("openDate").Description("When the network opened, where known (for trusts, the date GIAS gives as incorporated on).").Resolve(c => c.Source.OpenDate);
        Field<DateScalar>("closeDate").Description("When the network closed, where known.").Resolve(c => c.Source.CloseDate);
        Field<NonNullGraphType<IntGraphType>>("memberCount")
            .Description("How many members the network has on the date (default today).")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .IncludeNestedArgument("Also count the members of the networks inside this one, at any depth, each member once (default false).")
            .Resolve(c => c.IncludeNested() ? NestedNetworkLoaders.MemberCount(c, c.Source.Id, c.AsOf()) : PartnershipLoaders.MemberCount(c, c.Source.Id, c.AsOf()));
        Field<MembersConnectionGraphType>("members")
            .Description("The network's members on the date (default today), as a cursor connection in membership order unless `order` says otherwise.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .IncludeNestedArgument("Also list the members of the networks inside this one, at any depth, each member once through its first membership (default false; membership order only).")
            .PagingArguments()
            .WhereAndOrder(typeof(Membership))
            .Resolve(c => c.IncludeNested() ? NestedNetworkLoaders.Members(c, c.Source.Id, c.AsOf(), PageRequest.From(c)) : PartnershipLoaders.Members(c, c.Source.Id, c.AsOf(), PageRequest.From(c)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnershipGraphType>>>>("memberNetworks")
            .Description("The networks that are members of this one on the date (default today), such as the trusts of an umbrella trust, by kind then name.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(c => NestedNetworkLoaders.MemberNetworks(c, c.Source.Id, c.AsOf()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnershipGraphType>>>>("partOf")
            .Description("The networks this one is a member of on the date (default today), such as a trust's umbrella trust, by kind then name.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(c => NestedNetworkLoaders.PartOf(c, c.Source.Id, c.AsOf()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberCountPointGraphType>>>>("memberCountSeries")
            .Description("How many members the network had at the start of each month, quarter or year from `from` to `to` (growth and shrinkage).")
            .Argument<NonNullGraphType<DateScalar>>("from", "The first date of the series.")
            .Argument<NonNullGraphType<DateScalar>>("to", "The last date of the series (included when a period starts on it).")
            .Argument<NonNullGraphType<SeriesIntervalGraphType>>("interval", "MONTH, QUARTER or YEAR between points.")
            .Resolve(c => MemberCountSeries.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewGraphType>>>>("reviews")
            .Description("The network's self-review, peer-review and follow-up support events, in date order.")
            .Resolve(c => PartnershipLoaders.Reviews(c, c.Source.Id));
        this.ApplyExtensions(extensions);
    }
}

/// <summary>The members of a network.</summary>
public sealed class MembersConnectionGraphType() : ConnectionGraphType<MembershipGraphType, Membership>("Members");
