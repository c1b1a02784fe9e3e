using System.Text;
using GraphQL;
using Microsoft.AspNetCore.Http.Features;

namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>
/// A response written as an event stream in the GraphQL over SSE protocol's distinct connections mode: <c>next</c>
/// events carrying an execution result, one <c>complete</c> event at the end, and comment lines as heartbeats.
/// </summary>
public sealed class ServerSentEvents(HttpResponse response, IGraphQLTextSerializer serializer)
{
    public const string MediaType = "text/event-stream";

    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(":\n\n");

    // "data:" with nothing after it, so that EventSource dispatches the event (it drops events without a data line).
    private static readonly byte[] Complete = Encoding.UTF8.GetBytes("event: complete\ndata:\n\n");

    private bool started;

    /// <summary>Sends the headers (status 200, the event-stream type, no caching or proxy buffering) at once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (started) return;
        started = true;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task NextAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        // The serializer writes JSON on one line (line breaks inside strings are escaped), as one data line needs.
        await response.WriteAsync("event: next\ndata: " + serializer.Serialize(result) + "\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Heartbeat, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        await response.Body.WriteAsync(Complete, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
