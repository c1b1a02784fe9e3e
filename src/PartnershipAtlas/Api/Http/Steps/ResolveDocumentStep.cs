using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Persisted;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Finds the document the request runs: a persisted document's text in place of its id (HC0020 for an unknown id, HC0067
/// for a text where only ids are accepted), parsed, or taken from <see cref="ValidatedDocuments"/> when it ran before;
/// then the operation the operation name selects.
/// </summary>
public sealed class ResolveDocumentStep(PersistedDocumentStore documents, IOptions<PersistedDocumentsOptions> persisted, ValidatedDocuments validated)
{
    public Refusal? Run(GraphQLExchange exchange)
    {
        var request = exchange.Request;
        if (request.DocumentId is { } id)
        {
            request.Query = documents.Find(id);
            if (request.Query is null)
            {
                return Refusal.Of(StatusCodes.Status400BadRequest,
                    AtlasErrors.Coded("The specified persisted operation key is invalid.", "HC0020", new Dictionary<string, object?> { ["requestedKey"] = id }));
            }
        }
        else if (persisted.Value.OnlyPersisted)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest,
                AtlasErrors.Coded($"Only persisted operations are allowed ({PersistedDocumentsOptions.Section}:OnlyPersisted).", "HC0067"));
        }
        return Parse(exchange);
    }

    private Refusal? Parse(GraphQLExchange exchange)
    {
        var text = exchange.Request.Query!;
        var cached = validated.Find(text);
        try
        {
            exchange.Document = cached ?? GraphQLParser.Parser.Parse(text);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            return Refusal.NotExecuted(new GraphQL.Execution.SyntaxError(e));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest, AtlasErrors.Coded("The document is nested too deeply to parse.", "MAX_EXECUTION_DEPTH"));
        }
        exchange.ValidatedBefore = cached is not null;
        exchange.Operation = OperationSelection.Of(exchange.Document, exchange.Request.OperationName);
        return null;
    }
}
