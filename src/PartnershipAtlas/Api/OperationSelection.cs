using GraphQLParser.AST;

namespace PartnershipAtlas.Api;

/// <summary>The operation a request runs: the one its operation name names, or the document's only one.</summary>
public static class OperationSelection
{
    public static GraphQLOperationDefinition? Of(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
