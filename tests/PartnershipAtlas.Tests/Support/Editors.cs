using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using PartnershipAtlas.Api.Auth;

namespace PartnershipAtlas.Tests.Support;

/// <summary>API keys for tests that edit through the mutations: one editor key and one key without the editor role (hashes only).</summary>
public static class Editors
{
    public const string EditorKey = "test-editor-key";
    public const string ReaderKey = "test-reader-key";

    /// <summary>The configuration of the two keys (for <see cref="AtlasFactory.Settings"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["Atlas:ApiKeys:0:Name"] = "editor",
        ["Atlas:ApiKeys:0:Sha256"] = ApiKeyAuthentication.Hash(EditorKey),
        ["Atlas:ApiKeys:0:Roles:0"] = "editor",
        ["Atlas:ApiKeys:1:Name"] = "reader",
        ["Atlas:ApiKeys:1:Sha256"] = ApiKeyAuthentication.Hash(ReaderKey),
        ["Atlas:ApiKeys:1:Roles:0"] = "reader",
    };

    public static void AddKeys(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Keys) builder.UseSetting(key, value);
    }

    /// <summary>Posts a document with the key (or none) through the real endpoint; the whole response body.</summary>
    public static async Task<JsonNode> SendAsync(this AtlasFactory server, string? key, string document, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = document, variables }) };
        if (key is not null) request.Headers.Add(ApiKeyAuthentication.HeaderName, key);
        using var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Posts with the editor key and asserts there were no errors; the data.</summary>
    public static async Task<JsonNode> EditAsync(this AtlasFactory server, string document, object variables)
    {
        var result = await server.SendAsync(EditorKey, document, variables);
        Assert.True(result["errors"] is null, $"GraphQL errors: {result["errors"]?.ToJsonString()}");
        return result["data"]!;
    }
}
