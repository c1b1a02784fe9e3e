using System.Threading.Channels;
using GraphQL;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Http;
using PartnershipAtlas.Api.Http.Steps;

namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>
/// <c>/graphql/stream</c>: GraphQL subscriptions over Server-Sent Events, in the GraphQL over SSE protocol's distinct
/// connections mode (one subscription per request; POST with <c>Accept: text/event-stream</c>, or GET with the query
/// string, as EventSource sends it). The request is read, resolved and checked by the same steps as <c>/graphql</c>;
/// once the stream is accepted, every error (a bad document, an unknown persisted id) comes as a <c>next</c> event
/// followed by <c>complete</c>, as the protocol asks. Each event of the subscription is a <c>next</c> event; a comment
/// line is sent when the stream has been quiet for <c>Atlas:Subscriptions:HeartbeatInterval</c>; the server's stop
/// completes every stream. Over <c>Atlas:Subscriptions:MaxConnections</c> open streams a request gets 503.
/// </summary>
public sealed class GraphQLStreamEndpoint(ReadStep read, ResolveDocumentStep resolve, CheckLimitsStep limits, ExecuteStep execute, WriteStep write,
    EventStreams streams, IGraphQLTextSerializer serializer, IOptions<SubscriptionOptions> options, ILogger<GraphQLStreamEndpoint> logger)
{
    public const string Path = CheckLimitsStep.StreamPath;

    public async Task HandleAsync(HttpContext http)
    {
        var exchange = new GraphQLExchange(http) { EventStream = true, MediaType = MediaTypes.Json };
        if (Negotiate(exchange) is { } refused)
        {
            await write.WriteRefusalAsync(exchange, refused);
            return;
        }
        using var place = streams.TryOpen();
        if (place is null)
        {
            http.Response.Headers.RetryAfter = "5";
            await write.WriteRefusalAsync(exchange, Refusal.Of(StatusCodes.Status503ServiceUnavailable,
                $"This server holds as many event streams as it allows ({SubscriptionOptions.Section}:MaxConnections); try again shortly."));
            return;
        }
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, streams.Stopping);
        var events = new ServerSentEvents(http.Response, serializer);
        try
        {
            await StreamAsync(exchange, events, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The client left or the server stops; a stopping server still says the stream is complete.
        }
        if (!http.RequestAborted.IsCancellationRequested) await events.CompleteAsync(http.RequestAborted);
    }

    private async Task StreamAsync(GraphQLExchange exchange, ServerSentEvents events, CancellationToken lifetime)
    {
        if ((await read.RunAsync(exchange) ?? resolve.Run(exchange) ?? limits.Run(exchange)) is { } refusal)
        {
            await events.NextAsync(refusal.Result, lifetime);
            return;
        }
        var result = await execute.SubscribeAsync(exchange, lifetime);
        if (result.Streams is not { Count: 1 } streamsOfResult)
        {
            await events.NextAsync(result, lifetime);
            return;
        }
        await RelayAsync(streamsOfResult.Values.Single(), events, lifetime);
    }

    /// <summary>Writes each result of <paramref name="source"/> as it comes, a heartbeat when it is quiet, until it completes or <paramref name="lifetime"/> ends.</summary>
    private async Task RelayAsync(IObservable<ExecutionResult> source, ServerSentEvents events, CancellationToken lifetime)
    {
        var results = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = source.Subscribe(new ChannelObserver(results.Writer));
        await events.StartAsync(lifetime);
        while (true)
        {
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(lifetime))
            {
                quiet.CancelAfter(options.Value.HeartbeatInterval);
                try
                {
                    if (!await results.Reader.WaitToReadAsync(quiet.Token)) return;
                }
                catch (OperationCanceledException) when (!lifetime.IsCancellationRequested)
                {
                    await events.HeartbeatAsync(lifetime);
                    continue;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "A subscription's event source failed");
                    await events.NextAsync(new ExecutionResult { Errors = [new ExecutionError("The event source failed; subscribe again.")] }, lifetime);
                    return;
                }
            }
            while (results.Reader.TryRead(out var next)) await events.NextAsync(next, lifetime);
        }
    }

    private static Refusal? Negotiate(GraphQLExchange exchange)
    {
        var request = exchange.Http.Request;
        if (!exchange.IsGet && !HttpMethods.IsPost(request.Method)) return Refusal.Of(StatusCodes.Status405MethodNotAllowed, "Only GET and POST are allowed.", "GET, POST");
        if (!request.Headers.Accept.ToString().Contains(ServerSentEvents.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Of(StatusCodes.Status406NotAcceptable, $"{Path} answers only {ServerSentEvents.MediaType}: send Accept: {ServerSentEvents.MediaType} (queries and mutations go to /graphql).");
        }
        if (!exchange.IsGet && !MediaTypes.IsJsonContent(request.ContentType))
        {
            return Refusal.Of(StatusCodes.Status415UnsupportedMediaType, "The request body must be application/json (UTF-8).");
        }
        return null;
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnCompleted() => writer.TryComplete();
    }
}
