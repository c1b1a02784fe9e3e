using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace PartnershipAtlas.Api.Querying;

/// <summary>The <c>where:</c> and <c>order:</c> arguments of a connection over an entity type, and what resolvers make of them.</summary>
public static class FilterAndSortArguments
{
    /// <summary>Adds <c>where: XFilterInput</c> and <c>order: [XSortInput!]</c> for entity type <paramref name="entity"/> (after the paging arguments, as HotChocolate orders them).</summary>
    public static FieldBuilder<TSource, TReturn> WhereAndOrder<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Type entity)
    {
        var arguments = field.FieldType.Arguments ??= new QueryArguments();
        arguments.Add(new QueryArgument(typeof(FilterInputGraphType<>).MakeGenericType(entity))
        {
            Name = "where",
            Description = "Only the items matching these conditions (HotChocolate's filter shape; translated to SQL).",
        });
        arguments.Add(new QueryArgument(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(typeof(SortInputGraphType<>).MakeGenericType(entity))))
        {
            Name = "order",
            Description = "Sort keys in order of precedence; the item's unique key breaks ties, so paging is stable.",
        });
        return field;
    }

    /// <summary>The <c>where:</c> argument as an expression tree, or null when not given.</summary>
    public static Expression<Func<T, bool>>? Where<T>(this IResolveFieldContext context) =>
        FilterExpressions.Build<T>(Argument(context, "where") as IDictionary<string, object?>);

    /// <summary>The <c>order:</c> argument, then <paramref name="tiebreaker"/>.</summary>
    public static Ordering<T> Order<T>(this IResolveFieldContext context, Expression<Func<T, long>> tiebreaker) =>
        Ordering<T>.From(Argument(context, "order"), tiebreaker);

    /// <summary>A text naming the <c>where:</c> and <c>order:</c> values, for the names of loaders that depend on them.</summary>
    public static string WhereAndOrderKey(this IResolveFieldContext context) =>
        (Argument(context, "where"), Argument(context, "order")) is (null, null) ? "" : JsonSerializer.Serialize(new[] { Argument(context, "where"), Argument(context, "order") });

    private static object? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } given && given.TryGetValue(name, out var value) ? value.Value : null;
}

/// <summary>Registers the generated filter and sort input types (open generics: one closed type per entity).</summary>
public static class QueryingServiceCollectionExtensions
{
    public static IServiceCollection AddQueryingGraphTypes(this IServiceCollection services)
    {
        services.AddTransient(typeof(FilterInputGraphType<>));
        services.AddTransient(typeof(ListFilterInputGraphType<>));
        services.AddTransient(typeof(OperationFilterInputGraphType<>));
        services.AddTransient(typeof(SortInputGraphType<>));
        return services;
    }
}
