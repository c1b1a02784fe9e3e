using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>Persisted documents: registered once over HTTP or as files, then sent by hash; unknown ids and (when configured) plain texts are refused.</summary>
public sealed class PersistedDocumentsTests : IAsyncLifetime
{
    private const string Document = "query Counts { establishmentCounts(groupBy: []) { count } }";
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"atlas-documents-{Guid.NewGuid():N}");

    private ConfiguredAtlasFactory Factory(bool onlyPersisted) => new(new Dictionary<string, string>
    {
        ["Atlas:PersistedDocuments:Directory"] = directory,
        ["Atlas:PersistedDocuments:RegistrationKey"] = "register-me",
        ["Atlas:PersistedDocuments:OnlyPersisted"] = onlyPersisted ? "true" : "false",
    });

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/graphql", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string document, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/documents") { Content = new StringContent(document, Encoding.UTF8, "text/plain") };
        if (key is not null) request.Headers.Add("X-Registration-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_registered_document_runs_by_its_hash_as_documentId_id_or_GET()
    {
        await using var factory = Factory(onlyPersisted: false);
        var client = factory.CreateClient();

        var registered = await (await RegisterAsync(client, Document, "register-me")).Content.ReadFromJsonAsync<JsonNode>();
        var documentId = registered!["documentId"]!.GetValue<string>();
        var (byDocumentId, body) = await PostAsync(client, new { documentId, variables = new { } });
        var (byId, _) = await PostAsync(client, new { id = Sha256(Document) });
        var get = await client.GetAsync($"/graphql?documentId={Uri.EscapeDataString(documentId)}");

        Assert.Equal("sha256:" + Sha256(Document), documentId);
        Assert.Equal(HttpStatusCode.OK, byDocumentId);
        Assert.Equal(0, body["data"]!["establishmentCounts"]![0]!["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, byId);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.True(File.Exists(Path.Combine(directory, Sha256(Document) + ".graphql")));
    }

    [Fact]
    public async Task Registration_needs_the_configured_key()
    {
        await using var factory = Factory(onlyPersisted: false);
        await using var unconfigured = new AtlasFactory();

        Assert.Equal(HttpStatusCode.Unauthorized, (await RegisterAsync(factory.CreateClient(), Document, "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RegisterAsync(factory.CreateClient(), Document, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RegisterAsync(factory.CreateClient(), "{ not graphql", "register-me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RegisterAsync(unconfigured.CreateClient(), Document, "register-me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_HC0020()
    {
        await using var factory = Factory(onlyPersisted: false);

        var (status, body) = await PostAsync(factory.CreateClient(), new { documentId = "sha256:" + new string('0', 64) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("HC0020", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("sha256:" + new string('0', 64), body["errors"]![0]!["extensions"]!["requestedKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_persisted_refuses_texts_and_runs_documents_from_the_directory()
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "dashboard.graphql"), Document);
        await using var factory = Factory(onlyPersisted: true);
        var client = factory.CreateClient();

        var (refused, body) = await PostAsync(client, new { query = Document });
        var (allowed, _) = await PostAsync(client, new { documentId = Sha256(Document) });

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("HC0067", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, allowed);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
