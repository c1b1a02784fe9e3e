using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Querying;
using PartnershipAtlas.Characteristics;
using PartnershipAtlas.Data;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>What establishment counts can be grouped by.</summary>
public enum EstablishmentGrouping
{
    La,
    Phase,
    Type,
    Kind,
    OfstedGrade,
    FsmEverBand,
}

/// <summary>How many establishments share a combination of the grouped values (the others are null).</summary>
public sealed class EstablishmentCount
{
    public string? LaCode { get; set; }
    public string? LaName { get; set; }
    public string? Phase { get; set; }
    public string? Type { get; set; }
    public PartnershipKind? Kind { get; set; }
    public string? OfstedGrade { get; set; }
    public string? FsmEverBand { get; set; }
    public double? FsmEverPercent { get; set; }
    public int Urn { get; set; }
    public int Count { get; set; }
}

/// <summary><c>establishmentCounts(groupBy, where, asOf)</c>: counts grouped in SQL for dashboards.</summary>
public static class EstablishmentCounts
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EstablishmentCountGraphType>>>>("establishmentCounts")
            .Description("How many establishments there are per local authority, phase, type and/or kind of network they belong to, largest groups first.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<EstablishmentGroupingGraphType>>>>("groupBy", "The values to group by (none: one total).")
            .Argument<FilterInputGraphType<Establishment>>("where", "Only the establishments matching these conditions.")
            .Argument<DateScalar>("asOf", "With KIND: the date memberships must be active on; with OFSTED_GRADE: the date of the rating (default today).")
            .ResolveAsync(async c => await CountAsync(c.Db(), c.GetArgument<List<EstablishmentGrouping>>("groupBy").ToHashSet(), c.Where<Establishment>(), c.AsOf(), c.CancellationToken));

    public static async Task<IReadOnlyList<EstablishmentCount>> CountAsync(AtlasDbContext db, IReadOnlySet<EstablishmentGrouping> groupBy,
        Expression<Func<Establishment, bool>>? where, DateOnly asOf, CancellationToken cancellationToken)
    {
        var establishments = db.Establishments.AsNoTracking();
        if (where is not null) establishments = establishments.Where(where);
        var active = MembershipQueries.ActiveOn(asOf);
        var rows = groupBy.Contains(EstablishmentGrouping.Kind)
            ? establishments.SelectMany(e => e.Memberships.AsQueryable().Where(active), (e, m) => new EstablishmentCount
            {
                Urn = e.Urn, LaCode = e.LaCode, LaName = e.LaName, Phase = e.Phase, Type = e.Type, Kind = m.Partnership!.Kind,
            })
            : establishments.Select(e => new EstablishmentCount { Urn = e.Urn, LaCode = e.LaCode, LaName = e.LaName, Phase = e.Phase, Type = e.Type });
        if (groupBy.Contains(EstablishmentGrouping.OfstedGrade) || groupBy.Contains(EstablishmentGrouping.FsmEverBand))
        {
            rows = await CharacteristicsGroupings.AddAsync(db, rows, asOf, cancellationToken);
        }
        var members = groupBy.SelectMany(Members).ToList();
        if (members.Count == 0) return [new EstablishmentCount { Count = await rows.Select(r => r.Urn).Distinct().CountAsync(cancellationToken) }];
        var counts = await rows.GroupBy(KeyOf(members)).Select(CountOf(members)).ToListAsync(cancellationToken);
        return counts.OrderByDescending(c => c.Count).ThenBy(c => c.LaCode).ThenBy(c => c.Phase).ThenBy(c => c.Type).ThenBy(c => c.Kind).ThenBy(c => c.OfstedGrade).ThenBy(c => c.FsmEverBand).ToList();
    }

    private static string[] Members(EstablishmentGrouping grouping) => grouping switch
    {
        EstablishmentGrouping.La => [nameof(EstablishmentCount.LaCode), nameof(EstablishmentCount.LaName)],
        EstablishmentGrouping.Phase => [nameof(EstablishmentCount.Phase)],
        EstablishmentGrouping.Type => [nameof(EstablishmentCount.Type)],
        EstablishmentGrouping.OfstedGrade => [nameof(EstablishmentCount.OfstedGrade)],
        EstablishmentGrouping.FsmEverBand => [nameof(EstablishmentCount.FsmEverBand)],
        _ => [nameof(EstablishmentCount.Kind)],
    };

    /// <summary><c>r => new EstablishmentCount { X = r.X, … }</c> for the grouped members only.</summary>
    private static Expression<Func<EstablishmentCount, EstablishmentCount>> KeyOf(IReadOnlyList<string> members)
    {
        var row = Expression.Parameter(typeof(EstablishmentCount), "r");
        return Expression.Lambda<Func<EstablishmentCount, EstablishmentCount>>(Bind(members, name => Expression.Property(row, name)), row);
    }

    /// <summary><c>g => new EstablishmentCount { X = g.Key.X, …, Count = g.Select(r => r.Urn).Distinct().Count() }</c>.</summary>
    private static Expression<Func<IGrouping<EstablishmentCount, EstablishmentCount>, EstablishmentCount>> CountOf(IReadOnlyList<string> members)
    {
        var group = Expression.Parameter(typeof(IGrouping<EstablishmentCount, EstablishmentCount>), "g");
        var key = Expression.Property(group, nameof(IGrouping<EstablishmentCount, EstablishmentCount>.Key));
        Expression<Func<IEnumerable<EstablishmentCount>, int>> distinct = rows => rows.Select(r => r.Urn).Distinct().Count();
        var count = new ParameterSwap(distinct.Parameters[0], group).Visit(distinct.Body);
        var init = (MemberInitExpression)Bind(members, name => Expression.Property(key, name));
        return Expression.Lambda<Func<IGrouping<EstablishmentCount, EstablishmentCount>, EstablishmentCount>>(
            init.Update(init.NewExpression, [.. init.Bindings, Expression.Bind(typeof(EstablishmentCount).GetProperty(nameof(EstablishmentCount.Count))!, count)]), group);
    }

    private static MemberInitExpression Bind(IEnumerable<string> members, Func<string, Expression> value) =>
        Expression.MemberInit(Expression.New(typeof(EstablishmentCount)),
            members.Select(name => Expression.Bind(typeof(EstablishmentCount).GetProperty(name)!, value(name))));

}

/// <summary>LA, PHASE, TYPE, KIND.</summary>
public sealed class EstablishmentGroupingGraphType : EnumerationGraphType<EstablishmentGrouping>
{
    public EstablishmentGroupingGraphType()
    {
        Name = "EstablishmentGrouping";
        Description = "A value establishments can be counted by: LA (local authority), PHASE, TYPE, KIND (of network they belong to), OFSTED_GRADE (latest rating on asOf) or FSM_EVER_BAND (latest census PNUMFSMEVER in 10-point bands).";
    }
}

/// <summary>One group of establishments and its size.</summary>
public sealed class EstablishmentCountGraphType : ObjectGraphType<EstablishmentCount>
{
    public EstablishmentCountGraphType()
    {
        Name = "EstablishmentCount";
        Description = "How many establishments share the grouped values; values not grouped by are null.";
        Field<StringGraphType>("laCode").Description("The local authority's code (grouped by LA).").Resolve(c => c.Source.LaCode);
        Field<StringGraphType>("laName").Description("The local authority's name (grouped by LA).").Resolve(c => c.Source.LaName);
        Field<StringGraphType>("phase").Description("The phase of education (grouped by PHASE).").Resolve(c => c.Source.Phase);
        Field<StringGraphType>("type").Description("The type of establishment (grouped by TYPE).").Resolve(c => c.Source.Type);
        Field<GraphQLClrOutputTypeReference<PartnershipKind>>("kind").Description("The kind of network (grouped by KIND; an establishment counts once in each kind it belongs to).").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("ofstedGrade").Description("The latest Ofsted rating on asOf, from the latest GIAS extract on or before it (grouped by OFSTED_GRADE).").Resolve(c => c.Source.OfstedGrade);
        Field<StringGraphType>("fsmEverBand").Description("The latest census's PNUMFSMEVER band: 0-10, 10-20, 20-30, 30-40, 40-50 or 50+ (grouped by FSM_EVER_BAND).").Resolve(c => c.Source.FsmEverBand);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many distinct establishments are in the group.").Resolve(c => c.Source.Count);
    }
}
