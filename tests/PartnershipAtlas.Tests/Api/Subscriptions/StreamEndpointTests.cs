using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Api.Subscriptions;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Subscriptions;

/// <summary>The rules of <c>/graphql/stream</c> and of subscriptions sent to <c>/graphql</c>, on the real endpoint.</summary>
public sealed class StreamEndpointTests : IAsyncLifetime
{
    private readonly AtlasFactory server = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Atlas:Subscriptions:MaxConnections"] = "1",
            ["Atlas:Subscriptions:HeartbeatInterval"] = "00:00:00.300",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_subscription_sent_to_graphql_gets_a_400_naming_the_stream_route()
    {
        var response = await server.CreateClient().PostAsJsonAsync("/graphql", new { query = "subscription { storeChanged { stamp } }" });
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/graphql/stream", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SUBSCRIPTION_NEEDS_STREAM", error["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Errors_before_the_stream_starts_come_as_a_next_event_then_complete()
    {
        var client = server.CreateClient();
        static string Names(params EventStreamClient.Event?[] events) => string.Join(",", events.Select(e => e?.Name));
        foreach (var query in new[] { "subscription { noSuchField }", "{ importRuns(first: 1) { totalCount } }", "subscription {" })
        {
            await using var stream = await EventStreamClient.OpenAsync(client, query);
            var next = await stream.NextAsync(TimeSpan.FromSeconds(10));
            var complete = await stream.NextAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
            Assert.Equal("next,complete", Names(next, complete));
            Assert.NotEmpty(next!.Json["errors"]!.AsArray());
            Assert.Null(next.Json["data"]);
        }
    }

    [Fact]
    public async Task The_stream_wants_its_media_type_beats_when_quiet_and_refuses_streams_past_the_limit()
    {
        var client = server.CreateClient();
        var json = await client.PostAsJsonAsync("/graphql/stream", new { query = "subscription { storeChanged { stamp } }" });
        await using var first = await EventStreamClient.OpenAsync(client, "subscription { storeChanged { stamp } }");
        var beat = await first.NextAsync(TimeSpan.FromSeconds(10), comments: true);
        await using var second = await EventStreamClient.OpenAsync(client, "subscription { storeChanged { stamp } }");

        Assert.Equal(HttpStatusCode.NotAcceptable, json.StatusCode);
        Assert.True(beat is { IsComment: true }, "a heartbeat comment within the interval");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Response.StatusCode);
        Assert.NotNull(second.Response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_store_is_watched_only_while_a_stream_is_open()
    {
        var feed = server.Services.GetRequiredService<StoreChangeFeed>();
        var streams = server.Services.GetRequiredService<EventStreams>();
        var stream = await EventStreamClient.OpenAsync(server.CreateClient(), "subscription { storeChanged { stamp } }");
        var whileOpen = (feed.Listeners, streams.Open);
        await stream.DisposeAsync();

        Assert.Equal((1, 1), whileOpen);
        Assert.True(await Eventually.WaitForAsync(() => Task.FromResult(feed.Listeners == 0 && streams.Open == 0)), "the stream's listener and place are let go");
    }
}
