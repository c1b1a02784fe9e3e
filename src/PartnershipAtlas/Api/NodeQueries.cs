using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Api;

/// <summary><c>node(id)</c> and <c>nodes(ids)</c> over global ids.</summary>
public static class NodeQueries
{
    public const int MaxBatch = 50;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches an object given its ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the object.")
            .Resolve(c => Load(c, c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Lookup nodes by a list of IDs.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The list of node IDs.")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxBatch)
                {
                    throw AtlasErrors.Coded($"The maximum number of nodes that can be fetched at once is {MaxBatch}.", "HC0076");
                }
                return ids.Select(id => Load(c, id)).ToList();
            });
    }

    private static object? Load(IResolveFieldContext context, string id) => GlobalId.Decode(id) switch
    {
        (EstablishmentGraphType.TypeName, var key) when int.TryParse(key, out var urn) => EstablishmentLoaders.ByUrn(context, urn),
        (PartnershipGraphType.TypeName, var key) when int.TryParse(key, out var partnershipId) => PartnershipLoaders.ById(context, partnershipId),
        _ => throw AtlasErrors.Coded($"The ID '{id}' is not a valid node ID.", "INVALID_NODE_ID"),
    };
}
