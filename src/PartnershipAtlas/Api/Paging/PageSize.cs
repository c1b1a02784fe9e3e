using GraphQL;

namespace PartnershipAtlas.Api.Paging;

/// <summary>A connection's <c>first</c> or <c>last</c>, checked: at most 100 a page, 20 when not given.</summary>
public static class PageSize
{
    public static (int Size, bool Backward) From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
        {
            throw AtlasErrors.Coded("Use either first or last, not both.", "PAGING_BOTH_DIRECTIONS", new Dictionary<string, object?> { ["coordinate"] = Coordinate(context) });
        }
        var size = first ?? last ?? PageRequest.DefaultSize;
        if (size < 0) throw AtlasErrors.Coded("The requested page size must not be negative.", "HC0079", new Dictionary<string, object?> { ["coordinate"] = Coordinate(context) });
        if (size > PageRequest.MaxSize)
        {
            throw AtlasErrors.Coded("The maximum allowed items per page were exceeded.", "HC0051", new Dictionary<string, object?>
            {
                ["requestedItems"] = size,
                ["maxAllowedItems"] = PageRequest.MaxSize,
                ["coordinate"] = Coordinate(context),
            });
        }
        return (size, last is not null);
    }

    /// <summary>The field's coordinate for an error (written only then: the page size of every nested connection is read per parent).</summary>
    private static string Coordinate(IResolveFieldContext context) => $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
}
