using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>The arguments the overlap fields share, and how resolvers read them.</summary>
public static class OverlapArguments
{
    /// <summary>Adds <c>laCode region phase</c>: restrict the schools counted to an area and a phase.</summary>
    public static FieldBuilder<TSource, TReturn> AreaArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<StringGraphType>("laCode", "Count only schools in this local authority (three-digit LA code, e.g. 850).")
        .Argument<StringGraphType>("region", "Count only schools in this region (GIAS `GOR` name, e.g. South East; case ignored).")
        .Argument<StringGraphType>("phase", "Count only schools of this phase of education (GIAS name, e.g. Primary, Secondary; case ignored).")
        .Argument<StringGraphType>("fsmEverBand", "Count only schools in this FSM-ever band of the latest census (PNUMFSMEVER: 0-10, 10-20, 20-30, 30-40, 40-50, 50+).");

    /// <summary>Adds <c>includeNested</c>: a school of a network inside another also counts as in the outer one.</summary>
    public static FieldBuilder<TSource, TReturn> NestedArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.IncludeNestedArgument("Also count a school of a network inside another (a trust's school in its umbrella trust) as in the outer network too, once per network (default false).");

    public static FieldBuilder<TSource, TReturn> KindsArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string name, string description) =>
        field.Argument<ListGraphType<NonNullGraphType<GraphQLClrInputTypeReference<PartnershipKind>>>>(name, description);

    public static FieldBuilder<TSource, TReturn> AsOfArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<DateScalar>("asOf", "The date whose memberships count (default today).");

    public static FieldBuilder<TSource, TReturn> MinimumArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string name, int defaultValue, string description) =>
        field.Argument<IntGraphType>(name, description, a => a.DefaultValue = defaultValue);

    public static AreaFilter Area(this IResolveFieldContext context) => new(
        Blank(context.GetArgument<string?>("laCode")), Blank(context.GetArgument<string?>("region")), Blank(context.GetArgument<string?>("phase")), Band(context));

    private static string? Band(IResolveFieldContext context)
    {
        var band = Blank(context.GetArgument<string?>("fsmEverBand"));
        if (band is null || Characteristics.CharacteristicsGroupings.FsmEverBands.Contains(band)) return band;
        throw AtlasErrors.Coded($"fsmEverBand must be one of {string.Join(", ", Characteristics.CharacteristicsGroupings.FsmEverBands)} (it was '{band}').", "INVALID_ARGUMENT",
            new Dictionary<string, object?> { ["argument"] = "fsmEverBand", ["value"] = band });
    }

    /// <summary>A list-of-kinds argument; absent or empty means every kind.</summary>
    public static KindSet KindSet(this IResolveFieldContext context, string name) =>
        Overlap.KindSet.Of(context.GetArgument<List<PartnershipKind>?>(name) is { Count: > 0 } kinds ? kinds : null);

    /// <summary>The <c>kinds</c> and <c>otherKinds</c> arguments; otherKinds defaults to kinds.</summary>
    public static (KindSet Kinds, KindSet OtherKinds) KindSets(this IResolveFieldContext context)
    {
        var kinds = context.KindSet("kinds");
        return (kinds, context.GetArgument<List<PartnershipKind>?>("otherKinds") is { Count: > 0 } ? context.KindSet("otherKinds") : kinds);
    }

    /// <summary>A whole-number argument that must be at least <paramref name="least"/>.</summary>
    public static int Minimum(this IResolveFieldContext context, string name, int least)
    {
        var value = context.GetArgument<int>(name);
        return value >= least ? value : throw AtlasErrors.Coded($"{name} must be at least {least} (it was {value}).", "INVALID_ARGUMENT",
            new Dictionary<string, object?> { ["argument"] = name, ["value"] = value });
    }

    public static Task<OverlapView> OverlapViewAsync(this IResolveFieldContext context, DateOnly asOf) =>
        context.RequestServices!.GetRequiredService<OverlapSession>().ViewAsync(asOf, context.Area(), context.CancellationToken, context.IncludeNested());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
