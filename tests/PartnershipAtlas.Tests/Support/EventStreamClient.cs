using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// A GraphQL over SSE client (distinct connections mode) reading a real response stream: POSTs the request to
/// <c>/graphql/stream</c> and parses the events as they arrive (comment lines too, as heartbeats), each stamped with
/// the time it was read.
/// </summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    public sealed record Event(string? Name, string Data, bool IsComment, DateTime ReadAt)
    {
        public JsonNode Json => JsonNode.Parse(Data) ?? throw new InvalidOperationException("an event without data");
    }

    private readonly Channel<Event> events = Channel.CreateUnbounded<Event>();
    private readonly CancellationTokenSource closing = new();
    private Task pump = Task.CompletedTask;

    public required HttpResponseMessage Response { get; init; }

    public static async Task<EventStreamClient> OpenAsync(HttpClient client, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = new EventStreamClient { Response = response };
        if (response.IsSuccessStatusCode) stream.pump = stream.PumpAsync(await response.Content.ReadAsStreamAsync());
        return stream;
    }

    /// <summary>The next event (comments skipped unless asked for), or null when none comes within <paramref name="timeout"/> or the stream ends.</summary>
    public async Task<Event?> NextAsync(TimeSpan timeout, bool comments = false)
    {
        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            while (await events.Reader.WaitToReadAsync(waiting.Token))
            {
                var next = await events.Reader.ReadAsync(waiting.Token);
                if (comments || !next.IsComment) return next;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return null;
    }

    private async Task PumpAsync(Stream body)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(closing.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (name is not null || data.Length > 0) events.Writer.TryWrite(new Event(name, data.ToString().TrimEnd('\n'), false, DateTime.UtcNow));
                    (name, data) = (null, new StringBuilder());
                }
                else if (line[0] == ':') events.Writer.TryWrite(new Event(null, line[1..], true, DateTime.UtcNow));
                else if (line.StartsWith("event:", StringComparison.Ordinal)) name = line["event:".Length..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line["data:".Length..].TrimStart()).Append('\n');
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for an event, or returns null after <paramref name="timeout"/>.</summary>
    public async Task<Event?> WaitForAsync(Func<Event, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await NextAsync(timeout - clock.Elapsed) is not { } next) return null;
            if (condition(next)) return next;
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        Response.Dispose();
        await pump;
        closing.Dispose();
    }
}
