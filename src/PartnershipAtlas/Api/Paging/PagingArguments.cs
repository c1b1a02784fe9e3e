using GraphQL.Builders;
using GraphQL.Types;

namespace PartnershipAtlas.Api.Paging;

public static class PagingArgumentsExtensions
{
    /// <summary>Adds <c>first after last before</c>, in HotChocolate's order and words.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", $"Returns the first _n_ elements from the list (default {PageRequest.DefaultSize}, at most {PageRequest.MaxSize}).")
        .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
        .Argument<IntGraphType>("last", $"Returns the last _n_ elements from the list (at most {PageRequest.MaxSize}).")
        .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.");
}
