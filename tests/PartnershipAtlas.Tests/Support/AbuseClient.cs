using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// Sends a request to the real endpoint and keeps what an abuse test checks: status, body, wall time and the server's
/// own document-analysis time (<c>Server-Timing: analysis;dur=</c>, milliseconds).
/// </summary>
public static class AbuseClient
{
    public sealed record Answer(HttpStatusCode Status, JsonNode Body, TimeSpan Wall, double? AnalysisMs)
    {
        public string? Code => Body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

        public string Message => Body["errors"]?[0]?["message"]?.GetValue<string>() ?? "";
    }

    public static Task<Answer> PostAsync(HttpClient client, string query, object? variables = null) =>
        SendAsync(client, JsonContent.Create(new { query, variables }));

    public static Task<Answer> PostRawAsync(HttpClient client, string json) =>
        SendAsync(client, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<Answer> SendAsync(HttpClient client, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();
        double? analysis = response.Headers.TryGetValues("Server-Timing", out var timings)
            && timings.First().Split("dur=") is [_, var ms] ? double.Parse(ms, CultureInfo.InvariantCulture) : null;
        return new(response.StatusCode, JsonNode.Parse(text)!, clock.Elapsed, analysis);
    }
}
