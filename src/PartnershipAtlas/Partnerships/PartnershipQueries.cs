using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;

namespace PartnershipAtlas.Partnerships;

/// <summary>Root fields for partnerships.</summary>
public static class PartnershipQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<PartnershipsConnectionGraphType>("partnerships")
            .Description("Networks of schools, in id order, optionally of some kinds only.")
            .Argument<ListGraphType<NonNullGraphType<PartnershipKindGraphType>>>("kinds", "Only networks of these kinds.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var kinds = c.Kinds();
                var partnerships = c.Db().Partnerships.AsQueryable();
                if (kinds is not null) partnerships = partnerships.Where(p => kinds.Contains(p.Kind));
                return await Keyset.PageAsync(partnerships, p => (long)p.Id, PageRequest.From(c), c.CancellationToken);
            });
    }
}

/// <summary>Partnerships, as a connection.</summary>
public sealed class PartnershipsConnectionGraphType() : ConnectionGraphType<PartnershipGraphType, Partnership>("Partnerships");
