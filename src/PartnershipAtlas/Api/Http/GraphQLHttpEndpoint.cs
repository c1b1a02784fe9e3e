using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Hosting.Telemetry;
using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Api.Limits;
using PartnershipAtlas.Api.Persisted;

namespace PartnershipAtlas.Api.Http;

/// <summary>
/// <c>/graphql</c> as the GraphQL over HTTP spec describes it: POST with JSON, GET for queries only (405 for
/// mutations), graphql-response+json when accepted (then 400 for a document that cannot run), application/json for
/// legacy clients (200 with errors), 415 for other bodies, 406 for an Accept nothing fits. A browser's GET shows the IDE.
/// Limits (<see cref="LimitsOptions"/>): 413 over the size limit, depth and cost checked before execution, 429 with
/// Retry-After over the client's cost per minute, a timeout (HC0045); every answer carries <c>extensions.cost</c>.
/// Persisted documents: <c>documentId</c> (or <c>id</c>) instead of <c>query</c>. A query sent again while the store
/// is unchanged is answered from <see cref="ResponseCache"/> (header <c>X-Atlas-Cache: hit</c>).
/// </summary>
public sealed class GraphQLHttpEndpoint(IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer, IdePage ide, ILogger<GraphQLHttpEndpoint> logger,
    IOptions<LimitsOptions> limitsOptions, QueryCost cost, PersistedDocumentStore documents, IOptions<PersistedDocumentsOptions> persistedOptions,
    ValidatedDocuments validated, ResponseCache responses, CostRateLimiter limiter)
{
    private LimitsOptions Limits => limitsOptions.Value;

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

        if (!await WithinSizeLimitAsync(http, isGet))
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType,
                $"The request is larger than {Limits.MaxRequestBytes} bytes ({LimitsOptions.Section}:MaxRequestBytes).");
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
        if (ResolveDocument(parsed.Request) is { } refusal)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, refusal);
            return;
        }
        await ExecuteAsync(http, parsed, mediaType, isGet);
    }

    /// <summary>Buffers a POST body up to the limit (so every transport enforces it); checks a GET's query string.</summary>
    private async Task<bool> WithinSizeLimitAsync(HttpContext http, bool isGet)
    {
        if (isGet) return (http.Request.QueryString.Value?.Length ?? 0) <= Limits.MaxRequestBytes;
        var body = await RequestBody.ReadAsync(http.Request, Limits.MaxRequestBytes, http.RequestAborted);
        if (body is null) return false;
        http.Request.Body = new MemoryStream(body, writable: false);
        return true;
    }

    /// <summary>Puts a persisted document's text in place of its id; an error for an unknown id or a text where only ids are accepted.</summary>
    private ExecutionError? ResolveDocument(GraphQLRequest request)
    {
        if (request.DocumentId is { } id)
        {
            request.Query = documents.Find(id);
            return request.Query is null
                ? AtlasErrors.Coded("The specified persisted operation key is invalid.", "HC0020", new Dictionary<string, object?> { ["requestedKey"] = id })
                : null;
        }
        return persistedOptions.Value.OnlyPersisted
            ? AtlasErrors.Coded($"Only persisted operations are allowed ({PersistedDocumentsOptions.Section}:OnlyPersisted).", "HC0067")
            : null;
    }

    private string ClientOf(HttpContext http) =>
        http.Request.Headers[Limits.ApiKeyHeader].ToString() is { Length: > 0 } key ? "key:" + key : "ip:" + http.Connection.RemoteIpAddress;

    private async Task ExecuteAsync(HttpContext http, GraphQLHttpRequest.Parsed parsed, string mediaType, bool isGet)
    {
        var request = parsed.Request!;
        var cached = validated.Find(request.Query!);
        GraphQLDocument document;
        try
        {
            document = cached ?? GraphQLParser.Parser.Parse(request.Query!);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            var syntaxError = new ExecutionResult { Errors = [new GraphQL.Execution.SyntaxError(e)] };
            await WriteResultAsync(http, syntaxError, mediaType);
            return;
        }
        catch (GraphQLMaxDepthExceededException)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, AtlasErrors.Coded("The document is nested too deeply to parse.", "MAX_EXECUTION_DEPTH"));
            return;
        }
        var operation = SelectedOperation(document, request.OperationName);
        if (isGet && operation?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations can only be sent with POST.");
            return;
        }

        var operationType = operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        using var activity = AtlasTelemetry.Source.StartActivity($"graphql {request.OperationName ?? operationType}");
        activity?.SetTag("graphql.operation.name", request.OperationName).SetTag("graphql.operation.type", operationType);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["GraphQLOperation"] = request.OperationName ?? operationType });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var client = ClientOf(http);
        // A kept answer was computed by a request with the same text that passed every rule, so a hit needs no validation.
        var lookup = responses.Serves(operation) ? await responses.FindAsync(request.Query!, request.OperationName, parsed.InputsText, http.RequestAborted) : null;
        if (lookup?.Hit is { } hit && limiter.TryConsume(client, Math.Max(hit.Cost, 1), out _))
        {
            Record(activity, clock, operationType, "ok", hit.Cost, "hit");
            await WriteAnswerAsync(http, mediaType, hit, "hit");
            return;
        }

        var report = new CostReport(client, Limits.MaxCost);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(Limits.ExecutionTimeout);
        ExecutionResult result;
        try
        {
            result = await ExecuteAsync(http, request, document, cached is not null, report, timeout.Token);
            if (cached is null && result.Executed) validated.Add(request.Query!, document);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            result = new ExecutionResult
            {
                Executed = true,
                Errors = [AtlasErrors.Coded($"The request exceeded the configured timeout of `{Limits.ExecutionTimeout:c}` ({LimitsOptions.Section}:ExecutionTimeout).", "HC0045")],
            };
        }
        var outcome = result.Errors is { Count: > 0 } ? (result.Executed ? "partial" : "rejected") : "ok";
        var keep = lookup is not null && outcome == "ok" && report.RetryAfter is null;
        Record(activity, clock, operationType, outcome, report.Requested, lookup is null ? null : keep ? "miss" : "bypass");
        if (!keep)
        {
            await WriteResultAsync(http, result, mediaType, report);
            return;
        }
        var body = await SerializeAsync(result, report, http.RequestAborted);
        await WriteAnswerAsync(http, mediaType, responses.Keep(lookup!, body, report.Requested), "miss");
    }

    private static void Record(System.Diagnostics.Activity? activity, System.Diagnostics.Stopwatch clock, string operationType, string outcome, int cost, string? cache)
    {
        AtlasTelemetry.GraphQLRequests.Add(1, new("operation.type", operationType), new("outcome", outcome), new("cache", cache ?? "none"));
        AtlasTelemetry.GraphQLDuration.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation.type", operationType));
        activity?.SetTag("graphql.cost", cost).SetTag("graphql.cache", cache);
    }

    /// <summary>Runs a document; one that passed validation before (<see cref="ValidatedDocuments"/>) gets only the limits, which depend on the request.</summary>
    private Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, GraphQLDocument document, bool validatedBefore, CostReport report,
        CancellationToken cancellationToken) =>
        executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new Dictionary<string, object?> { [CostReport.Key] = report },
            ValidationRules = validatedBefore ? [cost.Rule()] : DocumentValidator.CoreRules.Append(cost.Rule()),
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                logger.LogError(context.OriginalException, "GraphQL field {Path} failed", context.FieldContext?.Path is { } path ? string.Join('.', path) : "(request)");
                return Task.CompletedTask;
            },
        });

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private async Task WriteResultAsync(HttpContext http, ExecutionResult result, string mediaType, CostReport? report = null)
    {
        var failedBeforeExecution = !result.Executed;
        http.Response.StatusCode = failedBeforeExecution && mediaType == MediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        if (report?.RetryAfter is { } retryAfter)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        http.Response.ContentType = mediaType + "; charset=utf-8";
        WithCost(result, report);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private ExecutionResult WithCost(ExecutionResult result, CostReport? report)
    {
        result.Extensions ??= [];
        result.Extensions["cost"] = (report ?? new CostReport("", Limits.MaxCost)).ToExtension();
        return result;
    }

    private async Task<byte[]> SerializeAsync(ExecutionResult result, CostReport report, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, WithCost(result, report), cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// A successful answer (a query answered without errors: 200 in either media type), with its entity tag; to a GET
    /// whose <c>If-None-Match</c> names that tag, 304 Not Modified and no body.
    /// </summary>
    private static async Task WriteAnswerAsync(HttpContext http, string mediaType, ResponseCache.Answer answer, string cache)
    {
        http.Response.Headers[ResponseCache.Header] = cache;
        http.Response.Headers.ETag = answer.ETag;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue(answer.ETag);
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentLength = answer.Body.Length;
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string message) =>
        WriteErrorAsync(http, status, mediaType, new RequestError(message));

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, ExecutionError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [error], Extensions = new() { ["cost"] = new CostReport("", Limits.MaxCost).ToExtension() } };
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private sealed class RequestError(string message) : ExecutionError(message)
    {
    }
}
