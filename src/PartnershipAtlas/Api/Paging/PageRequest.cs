using GraphQL;

namespace PartnershipAtlas.Api.Paging;

/// <summary>A connection's <c>first/after/last/before</c>, checked: at most 100 a page, 20 when not given. Cursors are read against the page's order (<see cref="Cursor"/>).</summary>
public sealed record PageRequest(int Size, bool Backward, string? After, string? Before)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>Whether this is a first page forwards: no cursor, not <c>last</c>.</summary>
    public bool IsFirst => !Backward && After is null && Before is null;

    public string CacheKey => $"{Size}:{Backward}:{After}:{Before}";

    public static PageRequest From(IResolveFieldContext context)
    {
        var (size, backward) = PageSize.From(context);
        return new PageRequest(size, backward, context.GetArgument<string?>("after"), context.GetArgument<string?>("before"));
    }
}
