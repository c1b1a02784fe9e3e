using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Posts GraphQL over HTTP to the real endpoint and returns the parsed response.</summary>
public static class GraphQLClient
{
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
    }

    /// <summary>The <c>data</c> of a response that must have no errors.</summary>
    public static async Task<JsonNode> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var result = await client.QueryAsync(query, variables);
        Assert.True(result["errors"] is null, $"GraphQL errors: {result["errors"]?.ToJsonString()}");
        return result["data"]!;
    }

    public static string Pretty(this JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
