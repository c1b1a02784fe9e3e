using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using PartnershipAtlas.Hosting.Telemetry;

namespace PartnershipAtlas.Api.Http;

/// <summary>
/// <c>/graphql</c> as the GraphQL over HTTP spec describes it: POST with JSON, GET for queries only (405 for
/// mutations), graphql-response+json when accepted (then 400 for a document that cannot run), application/json for
/// legacy clients (200 with errors), 415 for other bodies, 406 for an Accept nothing fits. A browser's GET shows the IDE.
/// </summary>
public sealed class GraphQLHttpEndpoint(IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer, IdePage ide, ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json, "Only GET and POST are allowed.");
            return;
        }
        var accept = request.Headers.Accept.ToString();
        if (isGet && !request.Query.ContainsKey("query") && MediaTypes.WantsHtml(accept))
        {
            await ide.WriteAsync(http);
            return;
        }
        var mediaType = MediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                $"Accept must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }
        if (!isGet && !MediaTypes.IsJsonContent(request.ContentType))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType, "The request body must be application/json (UTF-8).");
            return;
        }

        var parsed = isGet
            ? GraphQLHttpRequest.FromQueryString(request.Query, serializer)
            : await GraphQLHttpRequest.FromJsonBodyAsync(request, serializer, http.RequestAborted);
        if (parsed.Request is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, parsed.Error!);
            return;
        }
        await ExecuteAsync(http, parsed.Request, mediaType, isGet);
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest request, string mediaType, bool isGet)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query!);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            var syntaxError = new ExecutionResult { Errors = [new GraphQL.Execution.SyntaxError(e)] };
            await WriteResultAsync(http, syntaxError, mediaType);
            return;
        }
        if (isGet && SelectedOperation(document, request.OperationName)?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations can only be sent with POST.");
            return;
        }

        var operation = SelectedOperation(document, request.OperationName);
        var operationType = operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        using var activity = AtlasTelemetry.Source.StartActivity($"graphql {request.OperationName ?? operationType}");
        activity?.SetTag("graphql.operation.name", request.OperationName).SetTag("graphql.operation.type", operationType);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["GraphQLOperation"] = request.OperationName ?? operationType });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            UnhandledExceptionDelegate = context =>
            {
                logger.LogError(context.OriginalException, "GraphQL field {Path} failed", context.FieldContext?.Path is { } path ? string.Join('.', path) : "(request)");
                return Task.CompletedTask;
            },
        });
        var outcome = result.Errors is { Count: > 0 } ? (result.Executed ? "partial" : "rejected") : "ok";
        AtlasTelemetry.GraphQLRequests.Add(1, new("operation.type", operationType), new("outcome", outcome));
        AtlasTelemetry.GraphQLDuration.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation.type", operationType));
        await WriteResultAsync(http, result, mediaType);
    }

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private async Task WriteResultAsync(HttpContext http, ExecutionResult result, string mediaType)
    {
        var failedBeforeExecution = !result.Executed;
        http.Response.StatusCode = failedBeforeExecution && mediaType == MediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        return serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [new RequestError(message)] }, http.RequestAborted);
    }

    private sealed class RequestError(string message) : ExecutionError(message)
    {
    }
}
