using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Hosting;

/// <summary>Slow clients (slowloris) cannot hold a connection: a real socket that trickles its body gets 408, one that never finishes its headers is dropped.</summary>
public sealed class SlowClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Under the default headers timeout (10 s), so a drop within it is the configured 1 s at work.</summary>
    private static readonly TimeSpan HeadersBound = TimeSpan.FromSeconds(9);

    private static async Task<(string Answer, TimeSpan Took)> TrickleAsync(string baseUrl, string start)
    {
        var uri = new Uri(baseUrl);
        using var socket = new TcpClient();
        await socket.ConnectAsync(uri.Host, uri.Port);
        var stream = socket.GetStream();
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(start));
        using var reading = new CancellationTokenSource(Bound);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, reading.Token)) > 0) answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
            // The server reset the connection: it was dropped.
        }
        return (answer.ToString(), clock.Elapsed);
    }

    [Fact]
    public async Task A_body_sent_too_slowly_gets_408_and_the_connection_is_closed()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:RequestBodyTimeout"] = "00:00:01" });
        var baseUrl = factory.StartOnLoopback();

        var (answer, took) = await TrickleAsync(baseUrl,
            "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"query\":");

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("Atlas:Limits:RequestBodyTimeout", answer, StringComparison.Ordinal);
        Assert.True(took < Bound, $"took {took}");
    }

    [Fact]
    public async Task Headers_never_finished_are_dropped_after_the_headers_timeout()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:RequestHeadersTimeout"] = "00:00:01" });
        var baseUrl = factory.StartOnLoopback();

        var (answer, took) = await TrickleAsync(baseUrl, "POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");

        Assert.True(took < HeadersBound, $"the connection was held for {took}");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }
}
