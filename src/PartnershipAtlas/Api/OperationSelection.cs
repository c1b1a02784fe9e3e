using GraphQLParser.AST;

namespace PartnershipAtlas.Api;

/// <summary>The operation a request runs: the one its operation name names, or the document's only one.</summary>
public static class OperationSelection
{
    public static GraphQLOperationDefinition? Of(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? only = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation) continue;
            if (operationName is not null)
            {
                if (operation.Name?.StringValue == operationName) return operation;
            }
            else if (only is not null) return null;
            else only = operation;
        }
        return operationName is null ? only : null;
    }
}
