using System.Linq.Expressions;
using GraphQL.Types;
using PartnershipAtlas.Api;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Partnerships;

/// <summary>Root fields for partnerships.</summary>
public static class PartnershipQueries
{
    /// <summary>The connection's unique key, made once: a lambda written in the resolver is built again, by reflection, on every request.</summary>
    private static readonly Expression<Func<Partnership, long>> ById = p => (long)p.Id;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<PartnershipsConnectionGraphType>("partnerships")
            .Description("Networks of schools, in id order unless `order` says otherwise, optionally of some kinds only and filtered by `where`.")
            .Argument<ListGraphType<NonNullGraphType<PartnershipKindGraphType>>>("kinds", "Only networks of these kinds.")
            .PagingArguments()
            .WhereAndOrder(typeof(Partnership))
            .ResolveAsync(async c =>
            {
                var kinds = c.Kinds();
                var partnerships = c.Db().Partnerships.AsNoTracking();
                if (kinds is not null) partnerships = partnerships.Where(p => EF.Parameter(kinds).Contains(p.Kind));
                return await c.PageAsync(partnerships, ById);
            });
    }
}

/// <summary>Partnerships, as a connection.</summary>
public sealed class PartnershipsConnectionGraphType() : ConnectionGraphType<PartnershipGraphType, Partnership>("Partnerships");
